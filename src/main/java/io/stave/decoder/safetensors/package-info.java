/** Hugging Face Llama folders: config.json, safetensors shards, tokenizer.model and tokenizer.json (spec/decoder.md §7.2, §8.3). */
package io.stave.decoder.safetensors;
