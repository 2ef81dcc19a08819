/**
 * In-process Llama decoder on the JDK alone: model readers, tensors and kernels, KV cache, tokenizer, sampler.
 */
package io.stave.decoder;
