package io.stave.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.bench.Query;
import io.stave.bench.Suite;
import io.stave.bench.ToolCatalog;
import io.stave.bench.py.Json;
import io.stave.llm.Backend;
import io.stave.AtomicFiles;
import io.stave.store.CanonicalJson;
import io.stave.store.Secrets;
import io.stave.tools.Executor;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code stave run}: plans the work units of the suites, skips those the ledger has done, runs the
 * rest on {@code concurrency.episodes} threads and writes the run directory of harness.md §3 —
 * {@code manifest.json}, {@code config.resolved.yaml}, {@code plan.jsonl}, {@code ledger.jsonl},
 * {@code answers/<group>/<qid>_<method>.json}.
 */
public final class AgentRun {

    private static final Logger log = LoggerFactory.getLogger(AgentRun.class);

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
        Set<String> unknown = new TreeSet<>(ids);
        suites.forEach(suite -> suite.queries().forEach(q -> unknown.remove(q.id())));
        if (!unknown.isEmpty()) {
            throw new BadInputException("--ids: no query with id " + String.join(", ", unknown) + " in "
                    + suites.stream().map(s -> s.source().toString()).toList());
        }
        for (Suite suite : suites) {
            String group = suite.name();
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
        if ((config.retriever() == null) != (options.retrieval == null)) {
            throw new IllegalStateException("the config's retriever setting and the run's retrieval disagree");
        }
        if (!options.allowConfigChange) {
            refuseChangedConfig(runDir, config);
        }
        AtomicFiles.writeString(runDir.resolve("config.resolved.yaml"), config.toYaml());
        AtomicFiles.writeString(runDir.resolve("plan.jsonl"), units.stream()
                .map(u -> CanonicalJson.of(Json.MAPPER.valueToTree(u)) + "\n")
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
            EpisodeRunner runner = new EpisodeRunner(runDir, options.backend, options.tools, options.catalog, config,
                    options.retrieval);
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
        Map<String, Query> queries = new HashMap<>();
        for (Suite suite : options.suites) {
            String group = suite.name();
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
                    if (!Ledger.OK.equals(record.path("status").asText())) {
                        log.warn("{} ({}): {}", unit.episode(), record.path("status").asText(),
                                Secrets.redact(record.path("error").asText()));
                    }
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
                } catch (ExecutionException e) {
                    throw new IllegalStateException("episode runner failed", e.getCause());
                }
            }
        }
    }

    /** Keys whose change makes earlier answers of the run directory incomparable (harness.md §4.2). */
    private static final List<String> RESULT_KEYS = List.of("profile", "method", "model", "tools", "agent", "prompt",
            "decode", "schema", "seed", "trials", "retriever.model", "retriever.k", "retriever.corpus");

    private static void refuseChangedConfig(Path runDir, RunConfig config) {
        Path manifest = runDir.resolve("manifest.json");
        if (!Files.exists(manifest)) {
            return;
        }
        JsonNode before;
        try {
            before = Json.MAPPER.readTree(manifest.toFile()).path("config").path("effective");
        } catch (IOException e) {
            return; // an unreadable manifest is rewritten; the ledger decides what is done
        }
        ObjectNode now = (ObjectNode) Secrets.redact(config.tree());
        List<String> changed = RESULT_KEYS.stream()
                .filter(k -> !at(before, k).isMissingNode() && !at(before, k).equals(at(now, k)))
                .toList();
        if (!changed.isEmpty()) {
            throw new BadInputException(runDir + ": this run directory was started with another " + changed
                    + "; resume with the same settings, choose another --out, or pass --allow-config-change");
        }
    }

    /**
     * The node at a dotted key: missing when the manifest predates the key's section, null below a
     * section set to null ({@code retriever: null} reads as {@code retriever.model: null}).
     */
    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String part : dotted.split("\\.")) {
            if (node.isNull()) {
                return node;
            }
            node = node.path(part);
        }
        return node;
    }

    private ProgressBar progressBar(int total, int done) {
        if (!options.progress) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("episodes").setInitialMax(total).startsFrom(done, Duration.ZERO)
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
        boolean allowConfigChange;
        QueryRetrieval retrieval;

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
        /** Resume even when result-relevant settings differ from the run directory's manifest. */
        public Builder allowConfigChange(boolean value) { allowConfigChange = value; return this; }
        /** The retriever that replaces each query's api_list; required exactly when the config sets {@code retriever.model}. */
        public Builder retrieval(QueryRetrieval value) { retrieval = value; return this; }

        public AgentRun build() {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(backend, "model");
            Objects.requireNonNull(tools, "tools");
            Objects.requireNonNull(runDir, "runDir");
            return new AgentRun(this);
        }
    }
}
