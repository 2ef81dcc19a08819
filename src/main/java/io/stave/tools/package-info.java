/**
 * Tool execution: the Executor interface, its implementations, observations and status codes.
 */
package io.stave.tools;
