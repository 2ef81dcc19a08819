/**
 * The quickstart: StableToolBench's worked example run end to end through stave's own packages
 * (datasets, tool cache, agent replay, converter, recorded judge, report). It sits beside the CLI, above
 * every other package, and is the one place where they are wired together outside a command.
 */
package io.stave.quickstart;
