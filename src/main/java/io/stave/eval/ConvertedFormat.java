package io.stave.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks that a file holds converted answers (§2.7) before they are scored, so that a raw answer,
 * a result file or another JSON object is refused with its path instead of scoring as "no answer".
 */
public final class ConvertedFormat {

    private ConvertedFormat() {}

    public static ObjectNode read(Path file) {
        ObjectNode root = EvalFiles.readObject(file);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "$." + e.getKey();
            JsonNode entry = e.getValue();
            if (!entry.isObject() || !entry.path("answer").isObject()) {
                throw BadInputException.at(file, where + ".answer", "a converted answer {query, available_tools, answer} (§2.7)");
            }
            if (!entry.path("available_tools").isArray()) {
                throw BadInputException.at(file, where + ".available_tools", "the list of functions offered to the model");
            }
            if (!entry.path("answer").path("final_answer").isTextual()) {
                throw BadInputException.at(file, where + ".answer.final_answer", "a string (the Finish arguments, or \"\")");
            }
            if (!entry.path("answer").path("answer_details").isArray()) {
                throw BadInputException.at(file, where + ".answer.answer_details", "a list holding the chain of nodes");
            }
        }
        return root;
    }
}
