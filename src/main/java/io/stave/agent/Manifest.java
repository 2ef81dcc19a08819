package io.stave.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Suite;
import io.stave.bench.py.Json;
import io.stave.AtomicFiles;
import io.stave.store.CanonicalJson;
import io.stave.store.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code manifest.json}, the provenance of a run (harness.md §8): stave version and git commit, the
 * command line, the resolved config and its hash, the data files with their hashes, model and tools
 * SPECs, seeds, environment and unit counts. Rewritten atomically at the start and at the end.
 */
final class Manifest {

    private final AgentRun.Builder options;
    private final Instant started;

    Manifest(AgentRun.Builder options, Instant started) {
        this.options = options;
        this.started = started;
    }

    void write(Path runDir, int planned, AgentRun.Outcome outcome, Instant finished) {
        ObjectNode manifest = Json.NODES.objectNode();
        ObjectNode stave = manifest.putObject("stave");
        stave.put("version", version());
        stave.put("git_commit", git("rev-parse", "HEAD"));
        stave.put("git_dirty", !git("status", "--porcelain").isEmpty());
        ObjectNode command = manifest.putObject("command");
        ArrayNode argv = command.putArray("argv");
        options.argv.forEach(arg -> argv.add(Secrets.redact(arg)));
        command.put("working_directory", Path.of("").toAbsolutePath().toString());
        command.put("started", started.toString());
        if (finished != null) {
            command.put("finished", finished.toString());
            command.put("exit_code", outcome.exitCode());
        }
        ObjectNode config = manifest.putObject("config");
        ArrayNode paths = config.putArray("paths");
        options.configFiles.forEach(p -> paths.add(p.toString()));
        config.put("resolved_sha256", CanonicalJson.sha256Key(options.config.tree()));
        config.set("effective", Secrets.redact(options.config.tree()));
        ArrayNode data = manifest.putArray("data");
        for (Suite suite : options.suites) {
            data.add(file(suite.source()));
        }
        ObjectNode model = manifest.putObject("model");
        model.put("spec", options.modelSpec);
        model.put("backend", Secrets.redact(options.backend.id()));
        if (options.retrieval != null) {
            options.retrieval.describe(manifest.putObject("retriever"));
        }
        ObjectNode tools = manifest.putObject("tools");
        tools.put("spec", Secrets.redact(options.toolsSpec == null ? "" : options.toolsSpec));
        ObjectNode seeds = manifest.putObject("seeds");
        seeds.put("run_seed", options.config.node("seed").asLong());
        seeds.put("scheme", "sha256(seed, purpose, unit id)[0:8] (harness.md §4.1)");
        ObjectNode environment = manifest.putObject("environment");
        environment.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        environment.put("cpus", Runtime.getRuntime().availableProcessors());
        environment.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        ObjectNode counts = manifest.putObject("counts");
        counts.put("planned", planned);
        if (outcome != null) {
            counts.put("skipped_done", outcome.skipped());
            counts.put("excluded_infra", outcome.excluded());
            RunSummary.Row total = outcome.summary().total();
            counts.put("units_recorded", total.units());
            counts.put("answered", total.answered());
            counts.put("infra_failed", total.infraErrors());
            counts.put("bad_input", total.badInput());
            counts.put("tokens", total.tokens());
            counts.put("tool_errors", total.toolErrors());
            ObjectNode groups = counts.putObject("groups");
            outcome.summary().groups().forEach((group, row) -> {
                ObjectNode g = groups.putObject(group);
                g.put("units", row.units());
                g.put("answered", row.answered());
                g.put("infra_failed", row.infraErrors());
            });
        }
        AtomicFiles.writeString(runDir.resolve("manifest.json"), io.stave.bench.py.PyJson.dumpsIndent(manifest, 2));
    }

    private static ObjectNode file(Path path) {
        ObjectNode file = Json.NODES.objectNode();
        file.put("path", path.toString());
        try {
            byte[] bytes = Files.readAllBytes(path);
            file.put("size", bytes.length);
            file.put("sha256", CanonicalJson.sha256Hex(bytes));
        } catch (IOException e) {
            file.put("error", e.toString());
        }
        return file;
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = Manifest.class.getResourceAsStream("/stave.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    /** A git query in the working directory; empty when git or the repository is missing. */
    private static String git(String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "git";
            System.arraycopy(args, 0, command, 1, args.length);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "";
            }
            return text;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
