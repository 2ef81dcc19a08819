package io.stave.cli;

import io.stave.bench.datasets.Dataset;
import io.stave.bench.datasets.Progress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * One progress bar per dataset on stderr (stdout stays clean for the summary), counting the bytes
 * of all its files; the file being transferred is shown beside the bar.
 */
final class ConsoleProgress implements Progress, AutoCloseable {

    private final ProgressBar bar;
    private final boolean sizeKnown;
    private String currentFile;

    ConsoleProgress(Dataset dataset) {
        sizeKnown = !dataset.hasUnpinnedFiles();
        bar = new ProgressBarBuilder()
                .setTaskName(dataset.name())
                .setInitialMax(sizeKnown ? dataset.totalSize() : -1)
                .setUnit(" KiB", 1024)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    @Override
    public void start(String name, long total, long done) {
        int slash = name.lastIndexOf('/');
        bar.setExtraMessage(slash < 0 ? name : name.substring(slash + 1));
        if (!sizeKnown && total > 0) {
            bar.maxHint(total);
        }
        // A retry of the same file resumes bytes this bar already counted; a part file from an
        // earlier run brings bytes it has not.
        if (!name.equals(currentFile)) {
            bar.stepBy(Math.max(0, done));
        }
        currentFile = name;
    }

    @Override
    public void advance(long bytes) {
        bar.stepBy(bytes);
    }

    @Override
    public void close() {
        bar.close();
    }
}
