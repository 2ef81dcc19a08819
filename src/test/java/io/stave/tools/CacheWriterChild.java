package io.stave.tools;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child process of {@link CrashSafetyTest}: makes simulated tool calls through a
 * {@code cache:FILE,miss=simulate} executor for ever, printing each call's arguments after the call
 * has returned (that is, after its cache entry was committed). The test kills it with SIGKILL.
 */
public final class CacheWriterChild {

    private CacheWriterChild() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        try (Executor executor = ToolsSpec.builder().build().open("cache:" + Path.of(args[0]) + ",miss=simulate")) {
            for (long i = 0; ; i++) {
                String arguments = "{\"n\": " + i + "}";
                executor.execute(ToolCall.of("Data", "crash_tool", "write_api", arguments));
                out.println(arguments);
                out.flush();
            }
        }
    }
}
