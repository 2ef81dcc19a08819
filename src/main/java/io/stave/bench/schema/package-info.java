/**
 * Function schemas exactly as ToolBench builds them (spec/toolbench.md §3), Finish last, and the
 * task description with one line per tool.
 */
package io.stave.bench.schema;
