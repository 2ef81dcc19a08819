package io.stave.eval.tooleval;

/** A status with the judge's reason for it (empty when the call asked for none). */
public record Verdict<S>(S status, String reason) {}
