package io.stave.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.bench.chat.Message;
import io.stave.bench.chat.Role;
import io.stave.bench.py.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code replay:DIR}: gives back the assistant turns recorded in the answer files under {@code DIR}
 * (spec/toolbench.md §2.6), so a recorded run can be re-run through stave's search and tools.
 *
 * <p>A request is placed in the recording by its assistant messages; the k-th request at the same
 * place gets the k-th recorded reply there (DFS siblings, CoT tries). An answer file records only
 * the episode's token total, so the first reply of an episode carries all of it. A request the
 * recording does not cover gets a failed reply (code -1), as a failing endpoint would.
 */
public final class ReplayBackend implements Backend {

    private final Path folder;
    private final Map<String, Path> filesByEpisode = new HashMap<>();
    private final Map<String, Recording> recordings = new HashMap<>();
    private final Map<String, Map<Recording.Turn, Integer>> handedOut = new HashMap<>();

    public ReplayBackend(Path folder) {
        this.folder = folder;
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("--model replay:" + folder + ": expected a folder of answer files"
                    + " (<group>/<qid>_<method>.json)");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(this::index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (filesByEpisode.isEmpty()) {
            throw new BadInputException("--model replay:" + folder + ": no answer files (*.json) found");
        }
    }

    private void index(Path file) {
        String relative = folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        filesByEpisode.put(relative.substring(0, relative.length() - ".json".length()), file);
        filesByEpisode.putIfAbsent(file.getFileName().toString().replaceFirst("\\.json$", ""), file);
    }

    @Override
    public String id() {
        return "replay:" + folder;
    }

    /** Starts the episode's replay from its first recorded reply again. */
    @Override
    public void beginEpisode(String episode) {
        handedOut.remove(episode);
    }

    @Override
    public synchronized Reply complete(ChatRequest request) {
        Recording recording = recording(request.episode());
        if (recording == null) {
            return Reply.failure("replay: no recorded answer file for episode " + request.episode() + " under " + folder);
        }
        Recording.Turn place = recording.root;
        for (Message message : request.messages()) {
            if (message.role() != Role.ASSISTANT) {
                continue;
            }
            Recording.Turn next = place.next.stream().filter(t -> t.matches(message)).findFirst().orElse(null);
            if (next == null) {
                return Reply.failure("replay: the history of episode " + request.episode()
                        + " leaves the recording at an assistant turn it does not contain");
            }
            place = next;
        }
        Map<Recording.Turn, Integer> counts = handedOut.computeIfAbsent(request.episode(), e -> new IdentityHashMap<>());
        int k = counts.merge(place, 1, Integer::sum) - 1;
        if (k >= place.next.size()) {
            return Reply.failure("replay: episode " + request.episode() + " asks for reply " + (k + 1)
                    + " at a point where the recording has " + place.next.size());
        }
        Recording.Turn turn = place.next.get(k);
        boolean first = place == recording.root && k == 0;
        return new Reply(turn.message, turn.errorCode, 0, first ? recording.totalTokens : 0);
    }

    private Recording recording(String episode) {
        if (episode == null) {
            return null;
        }
        return recordings.computeIfAbsent(episode, e -> {
            Path file = filesByEpisode.get(e);
            if (file == null) {
                file = filesByEpisode.get(e.substring(e.lastIndexOf('/') + 1));
            }
            return file == null ? null : Recording.of(read(file));
        });
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": expected a ToolBench answer file (JSON): " + e.getMessage(), e);
        }
    }

    /** The recorded files, by episode name (for listing). */
    public List<String> episodes() {
        return filesByEpisode.keySet().stream().sorted().toList();
    }
}
