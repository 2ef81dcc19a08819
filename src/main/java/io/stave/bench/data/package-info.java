/**
 * ToolBench data on disk. Loaders of the ToolBench and StableToolBench files: query files (full and
 * minimal format), test-id files, suites by group name or alias, tool documentation roots and
 * description maps, and the chosen path of a raw answer file as messages. Every mistake in a file is
 * a {@link io.stave.BadInputException} naming file, JSON path and expectation.
 */
package io.stave.bench.data;
