package io.stave.bench.datasets;

import io.stave.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What was found for one dataset file on disk.
 *
 * @param state      the verdict
 * @param actualSize the size found, or -1 when missing
 * @param actualSha  the SHA-256 found, or {@code null} when missing or not hashed
 */
public record Verification(Dataset dataset, DatasetFile file, Path location, State state, long actualSize,
        String actualSha) {

    public enum State {
        /** No file there. */
        MISSING,
        /** Size and SHA-256 match the manifest. */
        OK,
        /** The manifest pins only the size, and it matches. */
        SIZE_ONLY,
        /** The manifest pins neither hash nor size: present, but nothing could be checked. */
        UNVERIFIED,
        /** Size or SHA-256 differ from the manifest. */
        MISMATCH
    }

    /** Checks a file against the manifest; {@code hash} false checks presence and size alone. */
    public static Verification check(Dataset dataset, DatasetFile file, Path location, boolean hash) {
        if (!Files.isRegularFile(location)) {
            return new Verification(dataset, file, location, State.MISSING, -1, null);
        }
        long size;
        try {
            size = Files.size(location);
        } catch (java.io.IOException e) {
            return new Verification(dataset, file, location, State.MISSING, -1, null);
        }
        if (file.size() != null && file.size() != size) {
            return new Verification(dataset, file, location, State.MISMATCH, size, null);
        }
        if (file.sha256() == null) {
            return new Verification(dataset, file, location,
                    file.size() == null ? State.UNVERIFIED : State.SIZE_ONLY, size, null);
        }
        if (!hash) {
            return new Verification(dataset, file, location, State.OK, size, null);
        }
        String sha = Sha256.of(location);
        return new Verification(dataset, file, location, sha.equals(file.sha256()) ? State.OK : State.MISMATCH,
                size, sha);
    }

    public boolean present() {
        return state != State.MISSING;
    }

    /** One line for humans: what differs from the manifest. */
    public String describe() {
        return switch (state) {
            case MISSING -> location + ": missing";
            case OK -> location + ": ok";
            case SIZE_ONLY -> location + ": size ok (" + actualSize + " bytes); no sha256 pinned, content not verified";
            case UNVERIFIED -> location + ": present (" + actualSize
                    + " bytes); UNVERIFIED: the manifest pins neither sha256 nor size";
            case MISMATCH -> location + ": MISMATCH: expected "
                    + (file.size() == null ? "" : file.size() + " bytes, ")
                    + "sha256 " + file.sha256() + "; found " + actualSize + " bytes"
                    + (actualSha == null ? "" : ", sha256 " + actualSha);
        };
    }
}
