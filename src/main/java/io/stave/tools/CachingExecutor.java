package io.stave.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import io.stave.store.Provenance;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code cache:FILE[,miss=…]}: answers from the SQLite tool cache and records what its upstream
 * executor returns (harness.md §5, toolbench.md §7.7 item 2).
 *
 * <p>Lookup order: the recording of this very call in this episode (answer-file imports), the
 * reply stored under StableToolBench's coordinates, then a recording of the same call from any
 * episode. A miss goes to the upstream executor; without one ({@code miss=error}, the offline
 * default) the model gets an observation saying the response is not cached, and nothing is called.
 */
public final class CachingExecutor implements Executor {

    /** Transient server errors are not worth replaying: API not working, too many requests, rate limit. */
    private static final Set<Integer> NOT_CACHED = Set.of(StatusCodes.TIMEOUT, StatusCodes.HTTP_ERROR,
            StatusCodes.API_NOT_WORKING, StatusCodes.TOO_MANY_REQUESTS, StatusCodes.RATE_LIMIT_PER_MINUTE);

    private final ToolCache cache;
    private final Executor upstream;
    private final ExecutorCounters counters = new ExecutorCounters();
    private final Map<String, AtomicInteger> occurrences = new ConcurrentHashMap<>();

    /** @param upstream the executor that answers misses, or null to answer them with the miss observation */
    public CachingExecutor(ToolCache cache, Executor upstream) {
        this.cache = cache;
        this.upstream = upstream;
    }

    public ToolCache cache() {
        return cache;
    }

    @Override
    public Observation execute(ToolCall call) {
        long start = System.nanoTime();
        Observation observation = lookup(call);
        if (observation == null) {
            observation = miss(call);
        } else {
            observation = observation.withLatencyMs((System.nanoTime() - start) / 1_000_000);
        }
        counters.record(observation);
        return observation;
    }

    private Observation lookup(ToolCall call) {
        if (call.episode() != null) {
            String occurrenceKey = call.episode() + "\u0000" + call.functionName() + "\u0000"
                    + ToolCache.recordingArguments(call.arguments());
            int occurrence = occurrences.computeIfAbsent(occurrenceKey, k -> new AtomicInteger()).getAndIncrement();
            var recorded = cache.recording(call.episode(), call.functionName(), call.arguments(), occurrence);
            if (recorded.isPresent()) {
                return recorded(recorded.get());
            }
        }
        CacheCoordinates at = CacheCoordinates.of(call);
        if (at != null) {
            var stored = cache.reply(at);
            if (stored.isPresent()) {
                boolean simulated = "simulated".equals(stored.get().source());
                return Observations.ofReply(stored.get().reply(), ObservationSource.CACHE, simulated).asCacheHit();
            }
        }
        return cache.recording(null, call.functionName(), call.arguments(), 0).map(this::recorded).orElse(null);
    }

    private Observation recorded(ToolCache.StoredRecording recording) {
        return new Observation(recording.text(), recording.status(), ObservationSource.CACHE, 0, true,
                "simulated".equals(recording.source()), null);
    }

    private Observation miss(ToolCall call) {
        CacheCoordinates at = CacheCoordinates.of(call);
        if (at == null) {
            // The virtual server answers unparseable input itself, without a lookup.
            return Observations.ofReply(Observations.errorReply("Tool input parse error...\n"),
                    ObservationSource.LOCAL, false);
        }
        counters.increment("miss");
        if (upstream == null) {
            String error = "Cache miss error... no cached response for " + at.category() + "/" + at.toolDir() + "/"
                    + at.apiName() + ".json key " + at.key();
            return new Observation(PyJson.dumps(Observations.errorReply(error)), StatusCodes.HTTP_ERROR,
                    ObservationSource.MISS, 0, false, false, null);
        }
        Observation observation = upstream.execute(call);
        if (observation.reply() != null && !NOT_CACHED.contains(observation.status())
                && !LlmSimulator.FAILED.equals(observation.reply().path("error").asText())) {
            cache.putReply(at, observation.reply(), Provenance.of(observation.simulated() ? "simulated" : "live")
                    .withLatencyMs(observation.latencyMs())
                    .withRequest(request(call)));
        }
        return observation;
    }

    private static ObjectNode request(ToolCall call) {
        ObjectNode request = Json.NODES.objectNode();
        request.put("category", call.category());
        request.put("tool_name", call.toolName());
        request.put("api_name", call.apiName());
        request.put("tool_input", call.arguments());
        return request;
    }

    /** Hits, misses, sources and statuses of this cache, plus the error kinds met by the upstream executor. */
    @Override
    public ExecutorCounters counters() {
        return upstream == null ? counters : ExecutorCounters.combine(counters, upstream.counters());
    }

    @Override
    public void close() {
        if (upstream != null) {
            upstream.close();
        }
        cache.close();
    }
}
