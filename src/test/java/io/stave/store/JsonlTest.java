package io.stave.store;

import io.stave.AtomicFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlTest {

    @TempDir
    Path dir;

    @Test
    void a_torn_last_line_is_ignored_by_readers_and_cut_off_by_the_next_writer() throws Exception {
        Path ledger = dir.resolve("ledger.jsonl");
        try (JsonlWriter writer = JsonlWriter.open(ledger)) {
            writer.append(Map.of("unit", "a", "status", "ok"));
        }
        Files.writeString(ledger, "{\"unit\": \"b\", \"sta", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(JsonlReader.read(ledger)).extracting(r -> r.get("unit").asText()).containsExactly("a");
        try (JsonlWriter writer = JsonlWriter.open(ledger)) {
            writer.append(Map.of("unit", "c", "status", "ok"));
        }
        String text = Files.readString(ledger);
        assertThat(text).endsWith("\n").doesNotContain("\"sta\n").hasLineCount(2);
        assertThat(JsonlReader.read(ledger)).extracting(r -> r.get("unit").asText()).containsExactly("a", "c");
    }

    @Test
    void an_unparseable_complete_last_line_is_ignored_but_one_in_the_middle_is_reported() throws Exception {
        Path log = dir.resolve("j.jsonl");
        Files.writeString(log, "{\"k\":1}\nnot json\n");
        assertThat(JsonlReader.read(log)).hasSize(1);
        Files.writeString(log, "{\"k\":1}\nnot json\n{\"k\":2}\n");
        assertThatThrownBy(() -> JsonlReader.read(log)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("j.jsonl").hasMessageContaining("line 2");
    }

    @Test
    void deduplication_keeps_the_latest_successful_record_per_key() throws Exception {
        Path log = dir.resolve("l.jsonl");
        Files.writeString(log, """
                {"unit":"u1","attempt":1,"status":"infra_error"}
                {"unit":"u2","attempt":1,"status":"ok"}
                {"unit":"u1","attempt":2,"status":"ok"}
                {"unit":"u1","attempt":3,"status":"infra_error"}
                {"unit":"u3","attempt":1,"status":"infra_error"}
                {"unit":"u3","attempt":2,"status":"infra_error"}
                """);
        List<ObjectNode> records = JsonlReader.read(log);
        Map<String, ObjectNode> latest = JsonlReader.latestByKey(records, r -> r.get("unit").asText(),
                r -> r.get("status").asText().equals("ok"));
        assertThat(latest.keySet()).containsExactly("u1", "u2", "u3");
        assertThat(latest.get("u1").get("attempt").asInt()).isEqualTo(2);
        assertThat(latest.get("u3").get("attempt").asInt()).isEqualTo(2);
    }

    @Test
    void atomic_write_replaces_the_file_and_leaves_no_temporary_behind() throws Exception {
        Path target = dir.resolve("sub/answer.json");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second \u00e9");
        assertThat(Files.readString(target)).isEqualTo("second \u00e9");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }
}
