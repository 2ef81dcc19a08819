package io.stave.cli;

import io.stave.BadInputException;
import io.stave.report.Comparability;
import io.stave.report.PublishedResults;
import io.stave.report.PublishedTable;
import io.stave.report.ReportModel;
import io.stave.report.ReportWriter;
import io.stave.report.ResultRow;
import io.stave.report.RunReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stave report RUN...}: the runs' evaluation results as Markdown, LaTeX and one HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Report evaluated runs beside the published numbers: summary.md, <metric>.tex, report.html.")
public final class ReportCommand implements Callable<Integer> {

    static final String PUBLISHED = "published:";

    @Parameters(paramLabel = "RUN", arity = "1..*",
            description = "Run directories (runs/<id>/ with manifest.json and eval/pass_rate|preference results).")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Report folder. Default: the run directory for one run, reports/<id>+<id>… for several.")
    Path out;

    @Option(names = "--against", paramLabel = "published:KEY",
            description = "Published table to compare with (repeatable); see reference/published-results.json."
                    + " Default: the table of the same metric and profile, preferring the same judge.")
    List<String> against = new ArrayList<>();

    @Option(names = "--force",
            description = "Report side by side even when judge, profile or evaluator differ; the report says not comparable.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PublishedResults published = PublishedResults.bundled();
        List<String> tableIds = against.stream().map(ReportCommand::tableId).toList();
        List<PublishedTable> tables = tableIds.stream().map(published::table).toList();
        List<RunReader.RunRows> read = RunReader.readAll(runs);
        List<String> conflicts = Comparability.conflicts(read, tables);
        if (!conflicts.isEmpty() && !force) {
            throw new BadInputException("report refused, the numbers would not be comparable: " + String.join("; ", conflicts)
                    + " (use --force to report them anyway, marked not comparable)");
        }
        String ids = read.stream().map(r -> r.provenance().runId()).collect(Collectors.joining("+"));
        String title = "stave report: " + ids
                + (conflicts.isEmpty() ? "" : " (not comparable: " + String.join("; ", conflicts) + ")");
        List<ResultRow> rows = read.stream().flatMap(r -> r.rows().stream()).toList();
        Path folder = out != null ? out : read.size() == 1 ? read.getFirst().run() : Path.of("reports", ids);
        List<Path> written = ReportWriter.write(ReportModel.build(title, rows, published, tableIds), folder);
        PrintWriter stdout = spec.commandLine().getOut();
        if (!conflicts.isEmpty()) {
            spec.commandLine().getErr().println("stave: --force: reporting numbers that are not comparable: "
                    + String.join("; ", conflicts));
        }
        written.forEach(file -> stdout.println("wrote " + file));
        stdout.flush();
        return 0;
    }

    private static String tableId(String spec) {
        if (!spec.startsWith(PUBLISHED) || spec.length() == PUBLISHED.length()) {
            throw new BadInputException("--against " + spec + ": expected published:KEY, e.g. published:stabletoolbench_paper_sopr");
        }
        return spec.substring(PUBLISHED.length());
    }
}
