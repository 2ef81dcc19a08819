package io.stave.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.store.JsonlReader;
import io.stave.store.JsonlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ledger.jsonl}: one line per finished unit attempt, append-only (harness.md §3, §4.2). Read
 * back it gives the done set (latest record {@code ok} with its answer file present, or
 * {@code bad_input}) and the attempts so far of every unit.
 */
public final class Ledger implements AutoCloseable {

    public static final String OK = "ok";
    public static final String INFRA_ERROR = "infra_error";
    public static final String BAD_INPUT = "bad_input";

    private final Path runDir;
    private final Map<String, ObjectNode> latest;
    private final Map<String, Integer> attempts = new HashMap<>();
    private final JsonlWriter writer;

    private Ledger(Path runDir, List<ObjectNode> records) {
        this.runDir = runDir;
        this.latest = JsonlReader.latestByKey(records, r -> r.path("unit").asText(),
                r -> OK.equals(r.path("status").asText()) || BAD_INPUT.equals(r.path("status").asText()));
        records.forEach(r -> attempts.merge(r.path("unit").asText(), 1, Integer::sum));
        this.writer = JsonlWriter.open(runDir.resolve("ledger.jsonl"));
    }

    /** Opens (or starts) the ledger of a run directory; a torn last line is ignored. */
    public static Ledger open(Path runDir) {
        Path file = runDir.resolve("ledger.jsonl");
        return new Ledger(runDir, Files.exists(file) ? JsonlReader.read(file) : List.of());
    }

    /** Whether the unit needs no further attempt. */
    public synchronized boolean done(WorkUnit unit) {
        ObjectNode record = latest.get(unit.id());
        if (record == null) {
            return false;
        }
        String status = record.path("status").asText();
        return BAD_INPUT.equals(status) || OK.equals(status) && Files.exists(runDir.resolve(unit.answerPath()));
    }

    public synchronized int attempts(WorkUnit unit) {
        return attempts.getOrDefault(unit.id(), 0);
    }

    /** The latest record of a unit, or null. */
    public synchronized ObjectNode latest(WorkUnit unit) {
        return latest.get(unit.id());
    }

    public synchronized void append(WorkUnit unit, ObjectNode record) {
        writer.append(record);
        attempts.merge(unit.id(), 1, Integer::sum);
        ObjectNode previous = latest.get(unit.id());
        boolean succeeded = !INFRA_ERROR.equals(record.path("status").asText());
        if (previous == null || succeeded || INFRA_ERROR.equals(previous.path("status").asText())) {
            latest.put(unit.id(), record);
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
