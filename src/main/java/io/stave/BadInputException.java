package io.stave;

import java.nio.file.Path;

/**
 * A user's mistake: a file, a field or an argument that is not what stave expects.
 *
 * <p>The command line prints the message alone (no stack trace) and exits with code 2, so the
 * message must say everything: which file, where in it, and what was expected.
 */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "FILE: WHERE: expected WHAT" — WHERE is a JSON path such as {@code $[3].api_list[0].tool_name}. */
    public static BadInputException at(Path file, String where, String expected) {
        return new BadInputException(file + ": " + where + ": expected " + expected);
    }
}
