/**
 * ToolEval: converter, pass rate, win rate, judges and statistics.
 *
 * <ul>
 *   <li>{@code convert}: raw answers to ToolEval's converted format, as ToolBench's converter
 *       (seeded per query, or Python-compatible draws);
 *   <li>{@code tooleval}: the statuses, {@code get_steps} and the evaluator's checks over a judge;
 *   <li>{@code passrate}: v1 rules, ToolEval v2 and StableToolEval SoPR, and their result files;
 *   <li>{@code winrate}: the v2 preference procedure and SoWR (with the optional majority shortcut),
 *       ToolEval v1's preference ({@code normalized} and {@code fn} evaluators) and v1 leaderboard, and
 *       their result files;
 *   <li>{@code judge}: the OpenAI-compatible judge with ToolEval's verbatim prompts (v2 and v1
 *       evaluators), the {@code local:} judge over any {@code io.stave.llm} backend, the recorded
 *       judge over published result files, and the SQLite cache decorator;
 *   <li>{@code stats} and {@code compare}: intervals (stratified for group averages), {@code pass^k},
 *       the noise-floor flag, and paired tests of two runs.
 * </ul>
 */
package io.stave.eval;
