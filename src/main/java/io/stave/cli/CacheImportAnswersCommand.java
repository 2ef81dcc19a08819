package io.stave.cli;

import io.stave.tools.AnswerFiles;
import io.stave.tools.ToolCache;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stave cache import-answers DIR --cache FILE}. */
@Command(name = "import-answers", mixinStandardHelpOptions = true,
        description = "Record every tool observation of ToolBench / StableToolBench answer files under DIR;"
                + " an episode is named by its path under DIR without .json (e.g. G1_instruction/1073_CoT@1).")
public final class CacheImportAnswersCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A folder of answer files (searched recursively).")
    Path folder;

    @Option(names = "--cache", required = true, paramLabel = "FILE", description = "The SQLite tool cache to fill.")
    Path cacheFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (ToolCache cache = ToolCache.open(cacheFile)) {
            AnswerFiles.Counts counts = AnswerFiles.importFolder(folder, cache);
            spec.commandLine().getOut().printf("recorded %d tool calls from %d answer files (%d skipped) into %s%n",
                    counts.calls(), counts.files(), counts.skippedFiles(), cacheFile);
        }
        return 0;
    }
}
