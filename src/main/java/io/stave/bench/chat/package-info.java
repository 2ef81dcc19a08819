/** Chat messages shared by the agent, the LLM backends and the answer files (spec/toolbench.md §2.6). */
package io.stave.bench.chat;
