package io.stave.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.store.SqliteDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: a process writing to the tool cache is killed with SIGKILL mid-run; the cache then
 * opens, passes {@code PRAGMA integrity_check}, and holds every entry whose call had returned.
 */
class CrashSafetyTest {

    private static final int CALLS_BEFORE_KILL = 300;

    @TempDir
    Path dir;

    @Test
    void a_cache_killed_mid_write_is_intact_and_holds_every_returned_call() throws Exception {
        Path cacheFile = dir.resolve("tools.sqlite");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), CacheWriterChild.class.getName(), cacheFile.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> returned = Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.endsWith("}")) { // a line cut by the kill is not a returned call
                        returned.add(line);
                    }
                }
            } catch (IOException closedByTheKill) {
                // What was read so far stands.
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (returned.size() < CALLS_BEFORE_KILL && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(returned.size()).as("calls returned before the kill").isGreaterThanOrEqualTo(CALLS_BEFORE_KILL);
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close(), a write may be in flight.
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(child.exitValue()).isEqualTo(137);

        try (SqliteDatabase database = SqliteDatabase.open(cacheFile)) {
            String integrity = database.read(connection -> {
                try (var statement = connection.createStatement(); var rows = statement.executeQuery("PRAGMA integrity_check")) {
                    rows.next();
                    return rows.getString(1);
                }
            });
            assertThat(integrity).isEqualTo("ok");
        }
        try (Executor replay = ToolsSpec.builder().build().open("cache:" + cacheFile + ",miss=error")) {
            for (String arguments : List.copyOf(returned)) {
                Observation observation = replay.execute(ToolCall.of("Data", "crash_tool", "write_api", arguments));
                assertThat(observation.cacheHit()).as(arguments).isTrue();
                assertThat(observation.simulated()).isTrue();
            }
        }
    }
}
