package io.stave.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stave.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void a_missing_or_blank_key_names_its_variable() {
        assertThatThrownBy(() -> Secrets.require("TOOLBENCH_KEY", k -> null, "the ToolBench server"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("TOOLBENCH_KEY").hasMessageContaining("the ToolBench server");
        assertThatThrownBy(() -> Secrets.require("RAPIDAPI_KEY", k -> "  ", "RapidAPI"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("RAPIDAPI_KEY");
    }

    @Test
    void credential_fields_are_dropped_and_key_values_masked_anywhere() throws Exception {
        String key = "key-" + UUID.randomUUID();
        assertThat(Secrets.require("OPENAI_API_KEY", Map.of("OPENAI_API_KEY", key)::get, "a test")).isEqualTo(key);
        var request = MAPPER.readTree("{\"model\": \"m\", \"toolbench_key\": \"" + key + "\", \"headers\": {\"Authorization\":"
                + " \"Bearer " + key + "\"}, \"messages\": [\"my key is " + key + "\"]}");
        String redacted = Secrets.redact(request).toString();
        assertThat(redacted).isEqualTo("{\"model\":\"m\",\"headers\":{},\"messages\":[\"my key is <redacted>\"]}");
        assertThat(Secrets.redact("log line with " + key)).isEqualTo("log line with <redacted>");
        assertThat(request.toString()).contains(key); // the caller's object is left alone
    }

    @Test
    void a_cache_row_never_stores_a_key_even_when_the_request_carried_one() throws Exception {
        String key = "key-" + UUID.randomUUID();
        Secrets.require("TOOLBENCH_KEY", Map.of("TOOLBENCH_KEY", key)::get, "a test");
        Path file = dir.resolve("c.sqlite");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            new KeyedCache(db, "t").put("k", "\"v\"", Provenance.of("live").withRequest(
                    MAPPER.readTree("{\"tool_input\": \"{}\", \"note\": \"sent with " + key + "\"}")));
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain(key);
            }
        }
    }
}
