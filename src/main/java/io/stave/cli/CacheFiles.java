package io.stave.cli;

import io.stave.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on file arguments that turn a user's typo into one clear line instead of a new empty file. */
final class CacheFiles {

    private CacheFiles() {}

    static Path existing(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": " + option + ": expected an existing file");
        }
        return file;
    }
}
