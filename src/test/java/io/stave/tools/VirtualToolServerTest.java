package io.stave.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.bench.py.Json;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stave's POST /virtual in front of its cache, called by stave's own stable:URL client and by raw JSON. */
class VirtualToolServerTest {

    @TempDir
    Path dir;

    @Test
    void the_stable_client_gets_through_the_server_exactly_what_the_cache_gives_directly() throws Exception {
        Path cacheFile = dir.resolve("tools.sqlite");
        try (ToolCache cache = ToolCache.open(cacheFile)) {
            StbCacheFiles.importFolder(StbCacheTest.fixture(), cache);
        }
        ToolCall call = ToolCall.of("Data", "keyword_analysis", "popularsitesforquery", "{\n  \"q\": \"birthday party ideas\"\n}");
        ToolCall unicode = ToolCall.of("Sports, Media/News", "theclique", "transfermarkt_search", "{\"name\": \"Lionel Messi\"}");
        try (Executor cache = ToolsSpec.builder().build().open("cache:" + cacheFile);
                VirtualToolServer server = VirtualToolServer.start(cache, "127.0.0.1", 0);
                Executor client = ToolsSpec.builder().build().open("stable:http://127.0.0.1:" + server.port() + "/virtual")) {
            Observation direct = cache.execute(call);
            Observation served = client.execute(call);
            assertThat(served.text()).isEqualTo(direct.text());
            assertThat(served.status()).isEqualTo(direct.status());
            assertThat(client.execute(unicode).text()).isEqualTo(cache.execute(unicode).text());

            OkHttpClient http = new OkHttpClient();
            String body = "{\"category\": \"Data\", \"tool_name\": \"keyword_analysis_for_Data\", \"api_name\":"
                    + " \"popularsitesforquery\", \"tool_input\": {\"q\": \"birthday party ideas\"}, \"strip\": \"\","
                    + " \"toolbench_key\": \"\"}";
            try (Response response = http.newCall(new Request.Builder().url("http://127.0.0.1:" + server.port() + "/virtual")
                    .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(Json.parse(response.body().string())).isEqualTo(direct.reply());
            }
            String chat = "{\"category\": \"Data\", \"tool_name\": \"t\", \"api_name\": \"chat_with_user\", \"tool_input\": \"{}\"}";
            try (Response response = http.newCall(new Request.Builder().url("http://127.0.0.1:" + server.port() + "/virtual")
                    .post(RequestBody.create(chat, MediaType.get("application/json"))).build()).execute()) {
                assertThat(response.body().string()).isEqualTo("{\"error\":\"\",\"response\":\"Chat with user.\"}");
            }
            http.connectionPool().evictAll();
        }
    }
}
