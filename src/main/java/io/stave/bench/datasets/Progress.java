package io.stave.bench.datasets;

/** Receives the progress of one file transfer (the CLI draws a bar; tests and libraries stay quiet). */
public interface Progress {

    Progress NONE = new Progress() {};

    /** A transfer starts; {@code total} is -1 when unknown, {@code done} counts bytes resumed from a part file. */
    default void start(String name, long total, long done) {}

    default void advance(long bytes) {}

    /** The transfer of this file ended, successfully or not. */
    default void finish() {}
}
