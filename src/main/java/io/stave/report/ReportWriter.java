package io.stave.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report folder: {@code summary.md}, one LaTeX table per metric ({@code pass_rate.tex},
 * {@code win_rate.tex}, {@code sopr.tex} …) and {@code report.html}, each file atomically.
 */
public final class ReportWriter {

    private ReportWriter() {}

    /** Writes every rendering into {@code folder} and returns the files written, in a fixed order. */
    public static List<Path> write(ReportModel model, Path folder) {
        List<Path> written = new ArrayList<>();
        written.add(writeAtomically(folder.resolve("summary.md"), MarkdownReport.render(model)));
        for (MetricSection section : model.sections()) {
            written.add(writeAtomically(folder.resolve(section.metric().fileStem() + ".tex"), LatexReport.render(section)));
        }
        written.add(writeAtomically(folder.resolve("report.html"), HtmlReport.render(model)));
        return List.copyOf(written);
    }

    /** Temporary file in the same folder, then rename: a reader never sees half a report. */
    static Path writeAtomically(Path target, String text) {
        try {
            Path folder = target.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
