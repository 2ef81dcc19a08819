/**
 * Command line: picocli commands, one class per subcommand, thin: parse, load, call the package API.
 */
package io.stave.cli;
