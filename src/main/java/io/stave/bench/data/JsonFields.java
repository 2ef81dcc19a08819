package io.stave.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading fields of an input file so that every mistake names the file, the JSON path and the expectation. */
final class JsonFields {

    private JsonFields() {}

    static JsonNode readFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw BadInputException.at(file, "$", "an existing file");
        } catch (IOException e) {
            throw new BadInputException(file + ": $: expected a readable UTF-8 file (" + e.getMessage() + ")", e);
        }
        try {
            return Json.parse(text);
        } catch (PyJson.DecodeError e) {
            throw new BadInputException(file + ": $: expected valid JSON (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    static JsonNode array(JsonNode node, String field, Path file, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw BadInputException.at(file, path + "." + field, "an array");
        }
        return value;
    }

    static JsonNode object(JsonNode node, Path file, String path) {
        if (node == null || !node.isObject()) {
            throw BadInputException.at(file, path, "an object");
        }
        return node;
    }

    static String text(JsonNode node, String field, Path file, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw BadInputException.at(file, path + "." + field, "a string");
        }
        return value.textValue();
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    static JsonNode present(JsonNode node, String field, Path file, String path) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw BadInputException.at(file, path + "." + field, "a value");
        }
        return value;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
