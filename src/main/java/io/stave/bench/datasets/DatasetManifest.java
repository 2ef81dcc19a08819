package io.stave.bench.datasets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stave.BadInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checked-in list of datasets ({@code datasets/manifest.json}).
 *
 * <p>Layout: {@code {"format": 1, "datasets": [{"name", "description", "origin", "mirror_folder",
 * "on_request", "note", "files": [{"path", "url", "size", "sha256"}]}]}}; {@code size} and
 * {@code sha256} may be {@code null} where no source pins them.
 */
public final class DatasetManifest {

    /** Where the manifest lives inside a checkout. */
    public static final String RELATIVE_LOCATION = "datasets/manifest.json";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private final Path source;
    private final List<Dataset> datasets;

    private DatasetManifest(Path source, List<Dataset> datasets) {
        this.source = source;
        this.datasets = List.copyOf(datasets);
    }

    public Path source() {
        return source;
    }

    public List<Dataset> datasets() {
        return datasets;
    }

    public Optional<Dataset> find(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The dataset of that name, or a user error listing the known names. */
    public Dataset dataset(String name) {
        return find(name).orElseThrow(() -> new BadInputException(source + ": dataset \"" + name
                + "\": expected one of " + datasets.stream().map(Dataset::name).toList()));
    }

    /** The datasets fetched when none is named: all but the on-request ones. */
    public List<Dataset> defaults() {
        return datasets.stream().filter(d -> !d.onRequest()).toList();
    }

    /** The named datasets in the order given (duplicates dropped), or the defaults when none is named. */
    public List<Dataset> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return defaults();
        }
        Set<Dataset> chosen = new LinkedHashSet<>();
        for (String name : names) {
            chosen.add(dataset(name));
        }
        return List.copyOf(chosen);
    }

    /**
     * Finds the manifest: {@code datasets/manifest.json} under the working directory, else under the
     * checkout that holds the running stave jar ({@code target/stave.jar} → its parent's parent).
     */
    public static Path locate() {
        Path here = Path.of(RELATIVE_LOCATION).toAbsolutePath();
        if (Files.isRegularFile(here)) {
            return here;
        }
        try {
            Path code = Path.of(DatasetManifest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(RELATIVE_LOCATION);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // No code source (embedded use): fall through to the working-directory answer.
        }
        return here;
    }

    public static DatasetManifest load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": expected the dataset manifest (" + RELATIVE_LOCATION
                    + " of a stave checkout), but there is no such file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new BadInputException(file + ": expected JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return new DatasetManifest(file, parse(file, root));
    }

    private static List<Dataset> parse(Path file, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw BadInputException.at(file, "$", "an object with \"format\" and \"datasets\"");
        }
        if (root.path("format").asInt(-1) != 1) {
            throw BadInputException.at(file, "$.format", "1");
        }
        JsonNode array = root.path("datasets");
        if (!array.isArray()) {
            throw BadInputException.at(file, "$.datasets", "an array");
        }
        List<Dataset> datasets = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String where = "$.datasets[" + i + "]";
            Dataset dataset = dataset(file, where, array.get(i));
            if (!names.add(dataset.name())) {
                throw BadInputException.at(file, where + ".name", "a unique name, but \"" + dataset.name()
                        + "\" occurs twice");
            }
            datasets.add(dataset);
        }
        return datasets;
    }

    private static Dataset dataset(Path file, String where, JsonNode node) {
        String name = text(file, where, node, "name");
        if (!NAME.matcher(name).matches()) {
            throw BadInputException.at(file, where + ".name", "lowercase letters, digits, '-' and '.'");
        }
        JsonNode filesNode = node.path("files");
        if (!filesNode.isArray() || filesNode.isEmpty()) {
            throw BadInputException.at(file, where + ".files", "a non-empty array");
        }
        List<DatasetFile> files = new ArrayList<>();
        for (int j = 0; j < filesNode.size(); j++) {
            files.add(datasetFile(file, where + ".files[" + j + "]", filesNode.get(j)));
        }
        JsonNode note = node.path("note");
        return new Dataset(
                name,
                text(file, where, node, "description"),
                text(file, where, node, "origin"),
                text(file, where, node, "mirror_folder"),
                node.path("on_request").asBoolean(false),
                note.isTextual() ? note.asText() : null,
                files);
    }

    private static DatasetFile datasetFile(Path file, String where, JsonNode node) {
        String path = text(file, where, node, "path");
        if (path.startsWith("/") || path.contains("\\") || List.of(path.split("/")).contains("..")) {
            throw BadInputException.at(file, where + ".path", "a relative path with '/' separators and no '..'");
        }
        String url = text(file, where, node, "url");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw BadInputException.at(file, where + ".url", "an http(s) URL");
        }
        JsonNode size = node.path("size");
        if (!size.isNull() && !(size.canConvertToLong() && size.isIntegralNumber() && size.asLong() >= 0)) {
            throw BadInputException.at(file, where + ".size", "a byte count or null");
        }
        JsonNode sha = node.path("sha256");
        if (!sha.isNull() && !(sha.isTextual() && SHA256.matcher(sha.asText()).matches())) {
            throw BadInputException.at(file, where + ".sha256", "64 lowercase hex digits or null");
        }
        return new DatasetFile(path, url, size.isNull() ? null : size.asLong(), sha.isNull() ? null : sha.asText());
    }

    private static String text(Path file, String where, JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw BadInputException.at(file, where + "." + field, "a non-empty string");
        }
        return value.asText();
    }
}
