/**
 * ToolBench data: Query, Api, Tool, Suite, loaders, function schemas and Python-exact formatting.
 */
package io.stave.bench;
