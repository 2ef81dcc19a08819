package io.stave.bench.datasets;

import io.stave.AtomicFiles;
import io.stave.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Brings one pinned file to its place on disk: skipped when already there with the right hash,
 * else transferred into {@code <target>.part}, checked against the pinned size and SHA-256, and
 * only then renamed onto the target. A rejected download leaves neither target nor part file.
 */
public final class Fetcher {

    public enum Outcome {
        /** Transferred in this call. */
        FETCHED,
        /** Already present with the pinned hash (or size); nothing transferred. */
        ALREADY_PRESENT
    }

    /** What happened to one file; {@code state} says how well the result could be verified. */
    public record Result(Dataset dataset, DatasetFile file, Path target, Outcome outcome, Verification.State state) {}

    private final FileSource source;
    private final Progress progress;

    public Fetcher(FileSource source, Progress progress) {
        this.source = source;
        this.progress = progress;
    }

    public Result fetch(Dataset dataset, DatasetFile file, Path target) {
        Verification existing = Verification.check(dataset, file, target, true);
        // An unpinned file that is present is kept: there is nothing to compare a new copy against.
        if (existing.state() != Verification.State.MISSING && existing.state() != Verification.State.MISMATCH) {
            return new Result(dataset, file, target, Outcome.ALREADY_PRESENT, existing.state());
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            source.transfer(dataset, file, part, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(source.describe(dataset, file) + ": download failed: " + e.getMessage()
                    + (Files.exists(part) ? "; the partial file " + part + " is kept for a resume" : ""), e);
        }
        Verification got = Verification.check(dataset, file, part, true);
        if (file.unpinned()) {
            rejectIfNotAnArchive(dataset, file, part);
        }
        if (got.state() == Verification.State.MISMATCH) {
            deleteQuietly(part);
            throw new BadInputException(source.describe(dataset, file) + ": expected "
                    + (file.size() == null ? "" : file.size() + " bytes with ")
                    + "sha256 " + file.sha256() + " for " + target + ", got " + got.actualSize() + " bytes"
                    + (got.actualSha() == null ? "" : " with sha256 " + got.actualSha())
                    + "; the download was discarded");
        }
        moveAtomically(part, target);
        return new Result(dataset, file, target, Outcome.FETCHED, got.state());
    }

    /**
     * With no hash to check, at least refuse an HTML page (a login or quota page of a file host)
     * where a ZIP archive was expected.
     */
    private void rejectIfNotAnArchive(Dataset dataset, DatasetFile file, Path part) {
        if (!file.path().endsWith(".zip")) {
            return;
        }
        byte[] head = new byte[4];
        int read;
        try (var in = Files.newInputStream(part)) {
            read = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + part, e);
        }
        if (read < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            deleteQuietly(part);
            throw new BadInputException(source.describe(dataset, file) + ": expected a ZIP archive (bytes PK\\3\\4) for "
                    + file.path() + ", got something else (an HTML page from the file host?); the download was discarded");
        }
    }

    private static void moveAtomically(Path from, Path to) {
        try {
            AtomicFiles.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + from + " to " + to, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The verdict (mismatch) matters more than a leftover we could not remove.
        }
    }
}
