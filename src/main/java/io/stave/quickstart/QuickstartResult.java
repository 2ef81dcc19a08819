package io.stave.quickstart;

import io.stave.eval.passrate.GroupPassRate;
import io.stave.eval.winrate.GroupPreference;
import java.nio.file.Path;
import java.util.List;

/**
 * What a quickstart produced.
 *
 * @param runDir      the folder of the two run directories ({@code virtual_chatgpt_cot/}, {@code virtual_chatgpt_dfs/}) and the tool cache
 * @param reportDir   the report folder
 * @param reportFiles the report files written
 * @param cot         SoPR of ChatGPT CoT@1
 * @param dfs         SoPR of ChatGPT DFS_woFilter_w2
 * @param winRate     SoWR of DFS (candidate) against CoT (reference)
 * @param check       the comparison with the example's published result files
 * @param millis      wall time of the whole pipeline
 */
public record QuickstartResult(Path runDir, Path reportDir, List<Path> reportFiles, GroupPassRate cot, GroupPassRate dfs,
        GroupPreference winRate, ExampleCheck check, long millis) {

    public QuickstartResult {
        reportFiles = List.copyOf(reportFiles);
    }

    /** True when the run's converted answers and results equal the example's published files. */
    public boolean matchesExample() {
        return check.matches();
    }

    /** The published files that differ from the run's, empty when all match. */
    public List<String> differingFromExample() {
        return check.differing();
    }

    public Path report() {
        return reportDir.resolve("report.html");
    }
}
