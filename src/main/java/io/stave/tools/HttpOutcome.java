package io.stave.tools;

/** How one HTTP exchange ended, after retries. */
sealed interface HttpOutcome {

    /** The server answered (any status). */
    record Reply(int status, String body) implements HttpOutcome {}

    /** No answer within the timeout. */
    record Timeout() implements HttpOutcome {}

    /** The connection failed (refused, reset, unknown host). */
    record Failure(String message) implements HttpOutcome {}

    /** The circuit breaker is open: nothing was sent. */
    record CircuitOpen() implements HttpOutcome {}
}
