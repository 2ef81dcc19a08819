package io.stave.eval.judge;

/** A judge call that failed after its retries: the (query, run) is reported as not judged. */
public class JudgeException extends RuntimeException {

    public JudgeException(String message) {
        super(message);
    }

    public JudgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
