package io.stave.bench.py;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Python's {@code csv.writer(f, delimiter="\t")} on a file opened with {@code newline=''} (§1.5):
 * TAB-separated, {@code "} quotes only where a field holds TAB, {@code "}, CR or LF, doubled quotes
 * inside, records ended by CR LF, every cell written as {@code str(value)} ({@code None} as empty).
 */
public final class PyCsv {

    private static final String TERMINATOR = "\r\n";

    private final Writer out;

    public PyCsv(Writer out) {
        this.out = out;
    }

    /** {@code writer.writerow(cells)}. */
    public void writeRow(List<?> cells) {
        try {
            out.write(row(cells));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record, terminator included. */
    public static String row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append('\t');
            }
            line.append(field(cells.get(i), cells.size() == 1));
        }
        return line.append(TERMINATOR).toString();
    }

    private static String field(Object value, boolean onlyField) {
        String s = value == null ? "" : PyRepr.str(value);
        // Python quotes a lone empty field so that the record is not read back as an empty line.
        if (onlyField && s.isEmpty()) {
            return "\"\"";
        }
        boolean quote = s.indexOf('\t') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
