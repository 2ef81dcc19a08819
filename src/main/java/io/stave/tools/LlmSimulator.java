package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Names;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyRepr;
import io.stave.bench.py.PyStrings;
import io.stave.bench.py.PyTuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * StableToolBench's simulator ({@code simulate:MODEL_SPEC}, toolbench.md §7.4 step 6 and §7.5):
 * asks an LLM to play the API server, with the tool's documentation and up to five cached replies
 * of the same API as examples. Replies are marked simulated.
 */
public final class LlmSimulator implements Executor {

    static final String SYSTEM_PROMPT = resource("stb-simulator-system-prompt.txt");
    static final String FAILED = "Failed to generate fake response";
    private static final int ATTEMPTS = 3;
    private static final int EXAMPLES = 5;
    private static final int EXAMPLES_MAX_LENGTH = 2048;

    private final ChatCompleter model;
    private final ToolDocs docs;
    private final ToolCache examples;
    private final ExecutorCounters counters = new ExecutorCounters();

    /**
     * @param docs the tool documentation folder, or null (the API doc is then empty, as when the file is missing)
     * @param examples the cache that supplies example replies, or null for none
     */
    public LlmSimulator(ChatCompleter model, ToolDocs docs, ToolCache examples) {
        this.model = model;
        this.docs = docs;
        this.examples = examples;
    }

    @Override
    public Observation execute(ToolCall call) {
        long start = System.nanoTime();
        CacheCoordinates at = CacheCoordinates.of(call);
        Observation observation;
        if (at == null) {
            observation = Observations.ofReply(Observations.errorReply("Tool input parse error...\n"),
                    ObservationSource.LOCAL, false);
        } else {
            observation = Observations.ofReply(simulate(call, at), ObservationSource.SIMULATED, true);
        }
        observation = observation.withLatencyMs((System.nanoTime() - start) / 1_000_000);
        counters.record(observation);
        return observation;
    }

    private JsonNode simulate(ToolCall call, CacheCoordinates at) {
        List<ChatCompleter.Message> messages = List.of(
                new ChatCompleter.Message("system", SYSTEM_PROMPT),
                new ChatCompleter.Message("user", userPrompt(call, at)));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String text;
            try {
                text = model.complete(messages);
            } catch (RuntimeException e) {
                counters.increment("llm_error");
                continue;
            }
            if (text.contains("```json")) {
                text = text.replace("```json", "").replace("```", "").strip();
            }
            try {
                return Json.parse(text);
            } catch (RuntimeException e) {
                counters.increment("llm_non_json");
            }
        }
        return Observations.errorReply(FAILED);
    }

    /** The user prompt of §7.4 step 6. */
    String userPrompt(ToolCall call, CacheCoordinates at) {
        JsonNode input = CacheCoordinates.parseToolInput(call.arguments());
        return "API Documentation:" + PyRepr.str(apiDoc(call, at)) + "\n"
                + "API Examples:" + PyStrings.head(PyRepr.str(examples(at)), EXAMPLES_MAX_LENGTH) + "\n"
                + "API Input:" + PyRepr.str(input) + "\n";
    }

    private JsonNode apiDoc(ToolCall call, CacheCoordinates at) {
        ObjectNode doc = Json.NODES.objectNode();
        JsonNode tool = docs == null ? null
                : docs.tool(at.category(), Names.standardize(call.toolName())).orElse(null);
        if (tool == null) {
            doc.put("tool_description", "");
            doc.put("api_info", "");
            return doc;
        }
        doc.set("tool_description", tool.path("tool_description"));
        ArrayNode info = doc.putArray("api_info");
        String wanted = Names.standardize(at.apiName());
        for (JsonNode api : tool.path("api_list")) {
            if (Names.standardize(api.path("name").asText()).equals(wanted)) {
                info.addObject().set("name", api.path("name"));
                ((ObjectNode) info.get(info.size() - 1)).set("description", api.path("description"));
            }
        }
        return doc;
    }

    private List<PyTuple> examples(CacheCoordinates at) {
        List<PyTuple> all = new ArrayList<>();
        if (examples != null) {
            for (ToolCache.StoredReply reply : examples.examples(at.category(), at.toolDir(), at.apiName(), EXAMPLES)) {
                all.add(PyTuple.of(reply.coordinates().key(), reply.reply()));
            }
        }
        int n = all.size();
        while (n > 1 && PyStrings.len(PyRepr.str(all.subList(0, n))) > EXAMPLES_MAX_LENGTH) {
            n--;
        }
        return all.subList(0, n);
    }

    @Override
    public ExecutorCounters counters() {
        return counters;
    }

    private static String resource(String name) {
        try (InputStream in = LlmSimulator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the simulator model", e);
            }
        }
    }
}
