package io.stave.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.bench.py.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the JSON inputs of the evaluator and writing its outputs atomically. */
public final class EvalFiles {

    private EvalFiles() {}

    /** Any valid JSON; a missing or malformed file is the user's mistake. */
    public static JsonNode readJson(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw BadInputException.at(file, "$", "a JSON value, found an empty file");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw BadInputException.at(file, "line " + e.getLocation().getLineNr(), "valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** A JSON object at the top of the file, such as a converted-answers or result file. */
    public static ObjectNode readObject(Path file) {
        JsonNode node = readJson(file);
        if (!node.isObject()) {
            throw BadInputException.at(file, "$", "a JSON object keyed by query id");
        }
        return (ObjectNode) node;
    }
}
