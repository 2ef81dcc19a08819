package io.stave.tools;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of what happened to tool calls, for the run manifest and the ledger (harness.md §10):
 * observations by source ({@code source.cache}) and status ({@code status.12}), and every error
 * kind met on the way ({@code http_429}, {@code http_5xx}, {@code timeout}, {@code io_error},
 * {@code retry}, {@code retry_after_wait}, {@code circuit_open}, {@code non_json}, {@code miss}).
 */
public final class ExecutorCounters {

    /** For executors that count nothing; increments are dropped. */
    public static final ExecutorCounters NONE = new ExecutorCounters(true);

    private final boolean frozen;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public ExecutorCounters() {
        this(false);
    }

    private ExecutorCounters(boolean frozen) {
        this.frozen = frozen;
    }

    public void increment(String kind) {
        add(kind, 1);
    }

    public void add(String kind, long amount) {
        if (!frozen) {
            counts.computeIfAbsent(kind, k -> new LongAdder()).add(amount);
        }
    }

    /** Counts the source and status of a finished observation. */
    public void record(Observation observation) {
        increment("source." + observation.source().label());
        increment("status." + observation.status());
    }

    public long get(String kind) {
        LongAdder adder = counts.get(kind);
        return adder == null ? 0 : adder.sum();
    }

    /**
     * The counts of a wrapping executor plus the error kinds of the one it wraps; sources and
     * statuses are the wrapper's own (each observation counted once, as the model saw it).
     */
    public static ExecutorCounters combine(ExecutorCounters wrapper, ExecutorCounters wrapped) {
        ExecutorCounters combined = new ExecutorCounters();
        wrapper.counts.forEach((kind, adder) -> combined.add(kind, adder.sum()));
        wrapped.counts.forEach((kind, adder) -> {
            if (!kind.startsWith("source.") && !kind.startsWith("status.")) {
                combined.add(kind, adder.sum());
            }
        });
        return combined;
    }

    /** All counts, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((kind, adder) -> snapshot.put(kind, adder.sum()));
        return snapshot;
    }
}
