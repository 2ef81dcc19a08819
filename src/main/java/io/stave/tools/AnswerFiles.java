package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.bench.py.Json;
import io.stave.store.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the tool calls recorded in ToolBench / StableToolBench raw answer files (toolbench.md §2.6)
 * and imports them into the tool cache as recordings, so a replay through {@code cache:} gives
 * back exactly the recorded observation of every call.
 *
 * <p>Calls come from the DFS {@code tree} (pre-order, children in order) or the CoT {@code trys}
 * chains; a file with neither falls back to the function messages of its last {@code train_messages}
 * list. Finish calls and unknown function names (status 1) are made locally and are not recorded.
 */
public final class AnswerFiles {

    /** What an import touched. */
    public record Counts(long files, long calls, long skippedFiles) {}

    private AnswerFiles() {}

    /** Imports every {@code *.json} answer file under {@code folder}; episode = relative path without ".json". */
    public static Counts importFolder(Path folder, ToolCache cache) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + ": expected a folder of answer files (<qid>_<method>.json)");
        }
        long files = 0;
        long calls = 0;
        long skipped = 0;
        for (Path file : StbCacheFiles.jsonFiles(folder)) {
            JsonNode answer = read(file);
            if (!answer.has("tree") && !answer.has("trys") && !answer.has("answer_generation")) {
                skipped++;
                continue;
            }
            List<ToolCache.Recording> recordings = recordings(episode(folder, file), calls(answer));
            cache.putRecordings(recordings, Provenance.of("answer-import"));
            files++;
            calls += recordings.size();
        }
        return new Counts(files, calls, skipped);
    }

    /** The episode name of an answer file: its path under the imported folder, '/'-separated, without ".json". */
    public static String episode(Path folder, Path file) {
        String relative = folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        return relative.substring(0, relative.length() - ".json".length());
    }

    /** Numbers identical calls (same function, same arguments) 0, 1, 2 … in file order. */
    static List<ToolCache.Recording> recordings(String episode, List<RecordedCall> calls) {
        Map<String, Integer> seen = new HashMap<>();
        List<ToolCache.Recording> recordings = new ArrayList<>(calls.size());
        for (RecordedCall call : calls) {
            String id = call.function() + "\u0000" + ToolCache.recordingArguments(call.arguments());
            int occurrence = seen.merge(id, 1, Integer::sum) - 1;
            recordings.add(new ToolCache.Recording(episode, call.function(), call.arguments(), occurrence,
                    call.observation(), call.status()));
        }
        return recordings;
    }

    /** The recorded tool calls of one answer file, in file order. */
    public static List<RecordedCall> calls(JsonNode answer) {
        List<RecordedCall> calls = new ArrayList<>();
        if (answer.has("tree")) {
            walkTree(answer.path("tree").path("tree"), calls);
        } else if (answer.has("trys")) {
            for (JsonNode attempt : answer.path("trys")) {
                List<JsonNode> chain = new ArrayList<>();
                attempt.path("chain").forEach(chain::add);
                for (int i = 1; i < chain.size(); i++) {
                    addCall(chain.get(i - 1), chain.get(i), calls);
                }
            }
        } else {
            fromMessages(answer.path("answer_generation").path("train_messages"), calls);
        }
        return calls;
    }

    private static void walkTree(JsonNode node, List<RecordedCall> calls) {
        for (JsonNode child : node.path("children")) {
            addCall(node, child, calls);
            walkTree(child, calls);
        }
    }

    private static void addCall(JsonNode action, JsonNode input, List<RecordedCall> calls) {
        if (!"Action".equals(action.path("node_type").asText()) || !"Action Input".equals(input.path("node_type").asText())
                || !input.has("observation")) {
            return;
        }
        String function = action.path("description").asText();
        String observation = input.path("observation").asText();
        int status = input.has("observation_code") ? input.path("observation_code").asInt()
                : statusOf(observation);
        if (Finish.NAME.equals(function) || status == StatusCodes.HALLUCINATED_NAME) {
            return;
        }
        calls.add(new RecordedCall(function, input.path("description").asText(), observation, status));
    }

    /** Function messages of the longest message list: assistant function call, then its result. */
    private static void fromMessages(JsonNode trainMessages, List<RecordedCall> calls) {
        if (!trainMessages.isArray() || trainMessages.isEmpty()) {
            return;
        }
        JsonNode messages = trainMessages.get(trainMessages.size() - 1);
        for (int i = 1; i < messages.size(); i++) {
            JsonNode result = messages.get(i);
            String role = result.path("role").asText();
            if (!role.equals("function") && !role.equals("tool")) {
                continue;
            }
            JsonNode assistant = messages.get(i - 1);
            JsonNode call = assistant.has("function_call") ? assistant.path("function_call")
                    : assistant.path("tool_calls").path(0).path("function");
            String function = call.path("name").asText(result.path("name").asText());
            String observation = result.path("content").asText();
            int status = statusOf(observation);
            if (!Finish.NAME.equals(function) && !"invalid_hallucination_function_name".equals(function)) {
                calls.add(new RecordedCall(function, call.path("arguments").asText(), observation, status));
            }
        }
    }

    /** The status a recorded observation implies when the file does not say (§5.3, §7.2). */
    private static int statusOf(String observation) {
        try {
            JsonNode reply = Json.parseLenient(observation);
            String error = reply.path("error").asText("");
            if (error.startsWith("request invalid, data error")) {
                return StatusCodes.HTTP_ERROR;
            }
            if (error.startsWith("Timeout error...")) {
                return StatusCodes.TIMEOUT;
            }
            return Observations.ofReply(reply, ObservationSource.CACHE, false).status();
        } catch (RuntimeException e) {
            return StatusCodes.OK;
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw BadInputException.at(file, "$", "a ToolBench answer file (" + e.getMessage() + ")");
        }
    }
}
