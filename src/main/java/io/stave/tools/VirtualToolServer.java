package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * StableToolBench's virtual server protocol ({@code POST /virtual}, toolbench.md §7.4, §7.7 item 3)
 * in front of any executor, usually a {@code cache:} one: the original Python pipeline can then run
 * against stave's cache, and stave's {@code stable:URL} client against this server.
 */
public final class VirtualToolServer implements AutoCloseable {

    private final HttpServer server;

    private VirtualToolServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code executor} on {@code host:port} (port 0 picks a free one). */
    public static VirtualToolServer start(Executor executor, String host, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        server.createContext("/virtual", exchange -> handle(executor, exchange));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return new VirtualToolServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void handle(Executor executor, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"detail\":\"Method Not Allowed\"}");
                return;
            }
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                request = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                respond(exchange, 422, "{\"detail\":\"request body is not JSON\"}");
                return;
            }
            respond(exchange, 200, reply(executor, request));
        }
    }

    /** The reply of §7.4 as JSON text: the executor's reply object, or its observation text. */
    static String reply(Executor executor, JsonNode request) {
        String apiName = request.path("api_name").asText("");
        if (apiName.equals("chat_with_user")) {
            ObjectNode chat = Observations.errorReply("");
            chat.put("response", "Chat with user.");
            return chat.toString();
        }
        JsonNode input = request.path("tool_input");
        // tool_input may be a JSON string (as the model wrote it) or an already decoded object.
        String arguments = input.isTextual() ? input.textValue() : input.isMissingNode() ? "" : PyJson.dumps(input);
        ToolCall call = new ToolCall(request.path("category").asText(""), request.path("tool_name").asText(""), apiName,
                apiName, arguments, null, null);
        Observation observation = executor.execute(call);
        return observation.reply() != null ? observation.reply().toString() : observation.text();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
