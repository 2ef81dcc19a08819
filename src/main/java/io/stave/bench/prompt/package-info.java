/**
 * Prompt rendering (spec/toolbench.md §4): system and user prompts, the ToolLLaMA text prompt in its
 * history variants, the OpenAI request, Text-Davinci-003, the DFSDT diversity prompt, the pairwise
 * ranking prompts, and the ReAct output parser.
 *
 * <p>It lives in {@code bench} rather than {@code agent} (design.md) because both the LLM backends
 * and the agent need it, and {@code llm} may not use {@code agent}.
 */
package io.stave.bench.prompt;
