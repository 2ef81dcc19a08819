/**
 * Python-exact formatting and string semantics (spec/toolbench.md §1): {@code str()}/{@code repr()},
 * {@code json.dumps}, {@code csv.writer}, code-point slices and the lenient JSON reader. Values are
 * Jackson nodes read with {@link io.stave.bench.py.Json#MAPPER} or plain Java values.
 */
package io.stave.bench.py;
