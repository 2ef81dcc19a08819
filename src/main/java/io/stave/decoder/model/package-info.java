/** The Llama model and its forward pass: hyperparameters, weights, sessions with one KV cache and RoPE table per bucket (spec/decoder.md §1–§3, §9). */
package io.stave.decoder.model;
