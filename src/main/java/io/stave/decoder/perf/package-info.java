/**
 * Decoder performance measurement: a memory-bandwidth probe and the decode benchmark behind
 * {@code stave bench decode} (spec/decoder.md §9, §10).
 */
package io.stave.decoder.perf;
