package io.stave.report;

import io.stave.AtomicFiles;
import java.nio.file.Path;
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
        written.add(AtomicFiles.writeString(folder.resolve("summary.md"), MarkdownReport.render(model)));
        for (MetricSection section : model.sections()) {
            written.add(AtomicFiles.writeString(folder.resolve(section.metric().fileStem() + ".tex"), LatexReport.render(section)));
        }
        written.add(AtomicFiles.writeString(folder.resolve("report.html"), HtmlReport.render(model)));
        return List.copyOf(written);
    }
}
