/**
 * Attention Buckets: waveform, base search, mixing and multi-base generation, on the decoder alone.
 */
package io.stave.buckets;
