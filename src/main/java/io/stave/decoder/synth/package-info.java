/**
 * Synthetic models: GGUF files with seeded random weights in the shape of a real Llama
 * architecture and a synthetic SentencePiece vocabulary, for tests and benchmarks
 * ({@code stave model synth}).
 */
package io.stave.decoder.synth;
