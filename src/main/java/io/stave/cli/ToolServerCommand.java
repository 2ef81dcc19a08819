package io.stave.cli;

import io.stave.tools.Executor;
import io.stave.tools.ToolsSpec;
import io.stave.tools.VirtualToolServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stave tool-server}: StableToolBench's {@code POST /virtual} in front of a tools backend. */
@Command(name = "tool-server", mixinStandardHelpOptions = true,
        description = "Serve a tools backend (usually cache:FILE) as StableToolBench's POST /virtual, until stopped.")
public final class ToolServerCommand implements Callable<Integer> {

    @Option(names = "--tools", required = true, paramLabel = "SPEC",
            description = "The backend to serve, e.g. cache:caches/tools.sqlite,miss=error.")
    String tools;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
            description = "Port to listen on (default: ${DEFAULT-VALUE}, as StableToolBench's config.yml).")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        try (Executor executor = ToolsSpec.builder().build().open(tools);
                VirtualToolServer server = VirtualToolServer.start(executor, host, port)) {
            spec.commandLine().getErr().printf("serving %s at http://%s:%d/virtual (Ctrl-C stops)%n", tools, host,
                    server.port());
            spec.commandLine().getErr().flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
