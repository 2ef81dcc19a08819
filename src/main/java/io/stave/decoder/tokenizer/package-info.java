/** SentencePiece BPE with byte fallback, byte-level BPE, and streaming UTF-8 detokenization (spec/decoder.md §8). */
package io.stave.decoder.tokenizer;
