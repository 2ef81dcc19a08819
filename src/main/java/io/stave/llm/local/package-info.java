/**
 * ToolLLaMA in the in-process decoder: {@link io.stave.llm.local.LocalTextCompletion} (model SPEC
 * options, ToolBench decoding, Attention Buckets) over a {@link io.stave.llm.local.PrefixCache} of
 * decoder sessions, so a growing episode prompt or a DFSDT branch prefills only its new tokens.
 */
package io.stave.llm.local;
