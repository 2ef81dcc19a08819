package io.stave.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Query;
import io.stave.bench.Suite;
import io.stave.bench.ToolCatalog;
import io.stave.llm.Backend;
import io.stave.store.AtomicFiles;
import io.stave.tools.Executor;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * {@code stave run}: plans the work units of the suites, skips those the ledger has done, runs the
 * rest on {@code concurrency.episodes} threads and writes the run directory of harness.md §3 —
 * {@code manifest.json}, {@code config.resolved.yaml}, {@code plan.jsonl}, {@code ledger.jsonl},
 * {@code answers/<group>/<qid>_<method>.json}.
 */
public final class AgentRun {

    /** What became of a run. */
    public record Outcome(RunSummary summary, int planned, int skipped, int excluded) {

        /** 0, or 1 when units remain failed by infrastructure after their attempts (harness.md §1.2). */
        public int exitCode() {
            return summary.total().infraErrors() > 0 || excluded > 0 ? 1 : 0;
        }
    }

    private final Builder options;

    private AgentRun(Builder options) {
        this.options = options;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The units of the suites in plan order: suites as given, qids ascending numerically, then trials. */
    public static List<WorkUnit> plan(List<Suite> suites, RunConfig config, String modelSpec, Set<String> ids,
            Integer limit, int shardIndex, int shardCount) {
        List<WorkUnit> units = new ArrayList<>();
        String method = config.method().name();
        for (Suite suite : suites) {
            String group = suite.group() != null ? suite.group().fileName()
                    : suite.source().getFileName().toString().replaceFirst("\\.json$", "");
            List<Query> queries = suite.queries().stream()
                    .filter(q -> ids.isEmpty() || ids.contains(q.id()))
                    .sorted(Comparator.comparing(q -> numeric(q.id())))
                    .toList();
            if (limit != null) {
                queries = queries.subList(0, Math.min(limit, queries.size()));
            }
            for (Query query : queries) {
                for (int trial = 0; trial < config.integer("trials"); trial++) {
                    WorkUnit unit = new WorkUnit(group, group, query.id(), method, modelSpec, trial);
                    if (shardCount <= 1 || unit.shard(shardCount) == shardIndex) {
                        units.add(unit);
                    }
                }
            }
        }
        return units;
    }

    private static BigInteger numeric(String id) {
        try {
            return new BigInteger(id);
        } catch (NumberFormatException e) {
            return BigInteger.valueOf(Long.MAX_VALUE);
        }
    }

    public Outcome run() throws InterruptedException {
        Path runDir = options.runDir;
        RunConfig config = options.config;
        List<WorkUnit> units = plan(options.suites, config, options.modelSpec, options.ids, options.limit,
                options.shardIndex, options.shardCount);
        AtomicFiles.writeString(runDir.resolve("config.resolved.yaml"), config.toYaml());
        AtomicFiles.writeString(runDir.resolve("plan.jsonl"), units.stream()
                .map(u -> io.stave.store.CanonicalJson.of(io.stave.bench.py.Json.MAPPER.valueToTree(u)) + "\n")
                .collect(Collectors.joining()));
        Manifest manifest = new Manifest(options, Instant.now());
        manifest.write(runDir, units.size(), null, null);

        RunSummary summary = new RunSummary();
        int maxAttempts = config.integer("retry.max_unit_attempts");
        int skipped = 0;
        int excluded = 0;
        List<WorkUnit> todo = new ArrayList<>();
        try (Ledger ledger = Ledger.open(runDir)) {
            for (WorkUnit unit : units) {
                if (ledger.done(unit)) {
                    skipped++;
                    summary.add(ledger.latest(unit));
                } else if (ledger.attempts(unit) >= maxAttempts) {
                    excluded++;
                } else {
                    todo.add(unit);
                }
            }
            EpisodeRunner runner = new EpisodeRunner(runDir, options.backend, options.tools, options.catalog, config);
            try (ProgressBar bar = progressBar(units.size() - excluded, skipped)) {
                runAll(todo, ledger, runner, summary, bar);
            }
        }
        Outcome outcome = new Outcome(summary, units.size(), skipped, excluded);
        manifest.write(runDir, units.size(), outcome, Instant.now());
        if (options.out != null) {
            options.out.print(summary.table());
            if (excluded > 0) {
                options.out.println("excluded: " + excluded + " infrastructure failures after " + maxAttempts + " attempts");
            }
            options.out.flush();
        }
        return outcome;
    }

    private void runAll(List<WorkUnit> todo, Ledger ledger, EpisodeRunner runner, RunSummary summary, ProgressBar bar)
            throws InterruptedException {
        java.util.Map<String, Query> queries = new java.util.HashMap<>();
        for (Suite suite : options.suites) {
            String group = suite.group() != null ? suite.group().fileName()
                    : suite.source().getFileName().toString().replaceFirst("\\.json$", "");
            suite.queries().forEach(q -> queries.put(group + "/" + q.id(), q));
        }
        int threads = Math.max(1, options.config.integer("concurrency.episodes"));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofVirtual().factory())) {
            List<Future<?>> futures = new ArrayList<>();
            for (WorkUnit unit : todo) {
                futures.add(pool.submit(() -> {
                    ObjectNode record = runner.run(unit, queries.get(unit.group() + "/" + unit.qid()),
                            ledger.attempts(unit) + 1);
                    ledger.append(unit, record);
                    summary.add(record);
                    if (bar != null) {
                        RunSummary.Row total = summary.total();
                        bar.step();
                        bar.setExtraMessage("answered " + total.answered() + ", tokens " + total.tokens()
                                + ", tool errors " + total.toolErrors() + ", infra " + total.infraErrors());
                    }
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("episode runner failed", e.getCause());
                }
            }
        }
    }

    private ProgressBar progressBar(int total, int done) {
        if (!options.progress) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("episodes").setInitialMax(total).startsFrom(done, java.time.Duration.ZERO)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().build();
    }

    /** The options of a run. */
    public static final class Builder {
        RunConfig config;
        List<Suite> suites = List.of();
        ToolCatalog catalog = ToolCatalog.NONE;
        Backend backend;
        Executor tools;
        String modelSpec;
        String toolsSpec;
        Path runDir;
        Set<String> ids = Set.of();
        Integer limit;
        int shardIndex;
        int shardCount = 1;
        boolean progress;
        PrintWriter out;
        List<String> argv = List.of();
        List<Path> configFiles = List.of();

        public Builder config(RunConfig value) { config = value; return this; }
        public Builder suites(List<Suite> value) { suites = List.copyOf(value); return this; }
        public Builder catalog(ToolCatalog value) { catalog = value; return this; }
        /** The model behind every episode, with the SPEC that names it in work units. */
        public Builder model(String spec, Backend value) { modelSpec = spec; backend = value; return this; }
        public Builder tools(String spec, Executor value) { toolsSpec = spec; tools = value; return this; }
        public Builder runDir(Path value) { runDir = value; return this; }
        /** Only these query ids (empty: all). */
        public Builder ids(Set<String> value) { ids = Set.copyOf(value); return this; }
        /** Only the first N queries of each suite. */
        public Builder limit(Integer value) { limit = value; return this; }
        public Builder shard(int index, int count) { shardIndex = index; shardCount = count; return this; }
        /** A progress bar on stderr. */
        public Builder progress(boolean value) { progress = value; return this; }
        /** Where the summary table goes; null prints none. */
        public Builder out(PrintWriter value) { out = value; return this; }
        /** The command line, recorded (secrets redacted) in the manifest. */
        public Builder argv(List<String> value) { argv = List.copyOf(value); return this; }
        public Builder configFiles(List<Path> value) { configFiles = List.copyOf(value); return this; }

        public AgentRun build() {
            java.util.Objects.requireNonNull(config, "config");
            java.util.Objects.requireNonNull(backend, "model");
            java.util.Objects.requireNonNull(tools, "tools");
            java.util.Objects.requireNonNull(runDir, "runDir");
            return new AgentRun(this);
        }
    }
}
