package io.stave.eval.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.bench.py.PyJson;
import io.stave.store.KeyedCache;
import io.stave.store.SqliteDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingJudgeTest {

    private static String reply(String status) {
        return "{\"choices\": [{\"message\": {\"function_call\": {\"name\": \"check_task_solvable\", \"arguments\": "
                + PyJson.dumps("{\"task_status\": \"" + status + "\", \"reason\": \"r\"}") + "}}}]}";
    }

    private static JudgeCall call(int sample) {
        return new JudgeCall(JudgeFunction.CHECK_TASK_SOLVABLE, Map.of("task", "{\"query\": \"q\", \"available_tools\": []}"),
                true, JudgeContext.forAnswer("G1_tool", "7", "m", sample), 0);
    }

    @Test
    void a_repeated_call_is_served_from_sqlite_and_another_sample_is_asked_again(@TempDir Path dir) throws Exception {
        try (MockWebServer server = new MockWebServer(); SqliteDatabase db = SqliteDatabase.open(dir.resolve("judge.sqlite"))) {
            server.start();
            server.enqueue(new MockResponse.Builder().body(reply("Solvable")).build());
            server.enqueue(new MockResponse.Builder().body(reply("Unsure")).build());
            OpenAiJudge api = OpenAiJudge.builder("gpt-4").baseUrl(server.url("/v1").toString()).apiKey("sk-x")
                    .retryWait(Duration.ZERO).build();
            CachingJudge judge = new CachingJudge(api, new KeyedCache(db, "judge_calls"), "tooleval-v2");

            assertThat(judge.call(call(0)).result(JudgeFunction.CHECK_TASK_SOLVABLE).asText()).isEqualTo("Solvable");
            assertThat(judge.call(call(0)).result(JudgeFunction.CHECK_TASK_SOLVABLE).asText()).isEqualTo("Solvable");
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(judge.call(call(1)).result(JudgeFunction.CHECK_TASK_SOLVABLE).asText()).isEqualTo("Unsure");
            assertThat(server.getRequestCount()).isEqualTo(2);
            assertThat(new KeyedCache(db, "judge_calls").size()).isEqualTo(2);
        }
    }
}
