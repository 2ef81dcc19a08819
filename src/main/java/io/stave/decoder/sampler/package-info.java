/** Greedy, temperature/top-k/top-p and llama2.c-compatible samplers (spec/decoder.md §11). */
package io.stave.decoder.sampler;
