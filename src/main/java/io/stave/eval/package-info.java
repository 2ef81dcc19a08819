/**
 * ToolEval: converter, pass rate, win rate, judges and statistics.
 */
package io.stave.eval;
