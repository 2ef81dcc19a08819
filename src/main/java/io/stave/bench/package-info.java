/**
 * ToolBench data: Query, Api, Tool, Suite, groups and profiles, name normalisation and the verbatim
 * ToolBench texts. Subpackages: {@code py} (Python-exact formatting), {@code data} (loaders),
 * {@code schema} (function schemas), {@code chat} (messages), {@code prompt} (prompt rendering).
 */
package io.stave.bench;
