/** GGUF v2/v3 reading (the whole file mapped as one segment) and the llama loader; the writer lives here too (spec/decoder.md §4, §5). */
package io.stave.decoder.gguf;
