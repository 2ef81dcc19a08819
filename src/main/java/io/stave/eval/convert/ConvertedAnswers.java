package io.stave.eval.convert;

import io.stave.AtomicFiles;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.PyJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The result of a conversion: converted answers by query id, in file order, and the query ids that
 * came from invalid data (a random try or a random walk), which the provenance records.
 */
public record ConvertedAnswers(Map<String, ObjectNode> answers, List<String> fromInvalid) {

    /** How the converted file is laid out: ToolBench {@code json.dump} or StableToolBench {@code indent=2}. */
    public enum Layout {
        COMPACT,
        INDENT2
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        answers.forEach(root::set);
        return root;
    }

    public String render(Layout layout) {
        return layout == Layout.COMPACT ? PyJson.dumps(toJson()) : PyJson.dumpsIndent(toJson(), 2);
    }

    /** Writes the converted file and, beside it, {@code <name>.provenance.json}. */
    public void write(Path out, Layout layout, String method, long seed, boolean pythonCompatible) {
        AtomicFiles.writeString(out, render(layout));
        ObjectNode provenance = JsonNodeFactory.instance.objectNode();
        provenance.put("method", method);
        provenance.put("randomness", pythonCompatible ? "python-random-42-name-order" : "seeded-per-query");
        provenance.put("seed", seed);
        provenance.put("converted", answers.size());
        provenance.set("from_invalid_data", JsonNodeFactory.instance.arrayNode().addAll(
                fromInvalid.stream().map(JsonNodeFactory.instance::textNode).toList()));
        AtomicFiles.writeString(out.resolveSibling(out.getFileName() + ".provenance.json"),
                PyJson.dumpsIndent(provenance, 2));
    }
}
