/** llama2.c checkpoints (versions 0, 1, 2) and its tokenizer .bin (spec/decoder.md §7.1, §8.3). */
package io.stave.decoder.llama2c;
