package io.stave.eval.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.eval.EvalFiles;
import io.stave.eval.Groups;
import io.stave.eval.passrate.GroupPassRate;
import io.stave.eval.passrate.PassRateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pass-rate results of one run, by group: a folder of {@code <group>_<model>.json} files, or a
 * run directory whose {@code eval/pass_rate/} holds them. Each group may hold one model.
 *
 * @param judges the judge recorded beside each group's results ({@code .provenance.json}), when present
 */
public record RunResults(Path root, Map<String, GroupPassRate> groups, Map<String, String> judges) {

    public static RunResults load(Path run) {
        Path base = Files.isDirectory(run.resolve("eval/pass_rate")) ? run.resolve("eval/pass_rate") : run;
        if (!Files.isDirectory(base)) {
            throw new BadInputException(run + ": expected a folder of pass-rate results or a run directory with eval/pass_rate/");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(base)) {
            files = walk.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".json") && !name.endsWith(".provenance.json") && Groups.prefixOf(name).isPresent();
            }).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(run + ": cannot list: " + e.getMessage(), e);
        }
        Map<String, GroupPassRate> groups = new LinkedHashMap<>();
        Map<String, String> judges = new LinkedHashMap<>();
        for (Path file : files) {
            ObjectNode root = EvalFiles.readObject(file);
            JsonNode first = root.isEmpty() ? null : root.elements().next();
            if (first == null || !first.has("is_solved")) {
                continue; // a preference file or another JSON file
            }
            String name = file.getFileName().toString();
            String group = Groups.prefixOf(name).orElseThrow();
            String model = name.substring(group.length() + 1, name.length() - ".json".length());
            if (groups.containsKey(group)) {
                throw new BadInputException(run + ": expected one model per group, found " + groups.get(group).model()
                        + " and " + model + " for " + group + " (point at one model's folder)");
            }
            groups.put(group, PassRateFiles.readJson(file, group, model));
            Path provenance = PassRateFiles.provenanceFile(file.getParent(), group, model);
            if (Files.isRegularFile(provenance)) {
                judges.put(group, EvalFiles.readJson(provenance).path("judge").asText());
            }
        }
        if (groups.isEmpty()) {
            throw new BadInputException(base + ": expected pass-rate result files <group>_<model>.json, found none");
        }
        return new RunResults(run, groups, judges);
    }
}
