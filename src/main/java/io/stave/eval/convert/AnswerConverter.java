package io.stave.eval.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stave.BadInputException;
import io.stave.bench.py.PyRandom;
import io.stave.eval.EvalFiles;
import io.stave.eval.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Raw answer files (§2.6) to ToolEval's converted format (§2.7), by the rules of ToolBench's
 * {@code convert_to_answer_format.py} (§8) in its StableToolBench form, which also reads the
 * {@code tools} message style.
 *
 * <p>Randomness: by default every file gets its own generator seeded from (seed, "convert", qid),
 * so a query's conversion does not depend on the other files. In Python-compatible mode one
 * {@code PyRandom(42)} is shared by all files in name order, as the original script draws
 * (which additionally depends on {@code os.listdir} order there).
 */
public final class AnswerConverter {

    private final String method;
    private final long seed;
    private final boolean pythonCompatible;

    private AnswerConverter(Builder builder) {
        this.method = builder.method;
        this.seed = builder.seed;
        this.pythonCompatible = builder.pythonCompatible;
    }

    public static Builder builder(String method) {
        return new Builder(method);
    }

    /** Every {@code *.json} file of the directory whose name contains the method, in name order. */
    public ConvertedAnswers convertDirectory(Path answerDir) {
        if (!Files.isDirectory(answerDir)) {
            throw new BadInputException(answerDir + ": expected a directory of raw answer files");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(answerDir)) {
            files = listing.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.endsWith(".json") && name.contains(method) && Files.isRegularFile(f);
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(answerDir + ": cannot list: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            // Usually the model's folder was given instead of one of its group folders.
            throw new BadInputException(answerDir + ": expected raw answer files <qid>_" + method
                    + ".json of one group (e.g. answers/G1_instruction), found none");
        }
        PyRandom shared = new PyRandom(Seeds.TOOLBENCH_SEED);
        Map<String, ObjectNode> answers = new LinkedHashMap<>();
        List<String> fromInvalid = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String qid = name.substring(0, name.indexOf('_') < 0 ? name.length() - ".json".length() : name.indexOf('_'));
            PyRandom random = pythonCompatible ? shared : Seeds.random(seed, "convert", qid);
            JsonNode raw = EvalFiles.readJson(file);
            JsonNode generation = required(file, raw, "answer_generation", "$");
            boolean valid = required(file, generation, "valid_data", "$.answer_generation").asBoolean();
            ObjectNode converted = valid
                    ? convertValid(file, generation, random)
                    : convertInvalid(file, raw, generation, random);
            if (!valid) {
                fromInvalid.add(qid);
            }
            answers.put(qid, converted);
        }
        return new ConvertedAnswers(answers, fromInvalid);
    }

    /** {@code process_valid_data}: the last message list of {@code train_messages}, from index 2. */
    ObjectNode convertValid(Path file, JsonNode generation, PyRandom random) {
        JsonNode trainMessages = required(file, generation, "train_messages", "$.answer_generation");
        if (!trainMessages.isArray() || trainMessages.isEmpty()) {
            throw BadInputException.at(file, "$.answer_generation.train_messages", "a non-empty list of message lists");
        }
        JsonNode conversation = trainMessages.get(trainMessages.size() - 1);
        String where = "$.answer_generation.train_messages[" + (trainMessages.size() - 1) + "]";
        ExecutionGraph graph = newGraph(generation);
        ExecutionGraph.Node last = graph.user();
        for (int index = 2; index < conversation.size(); index++) {
            JsonNode message = conversation.get(index);
            String role = message.path("role").asText();
            switch (role) {
                case "system", "user", "function", "tool" -> {}
                case "assistant" -> {
                    if (message.has("function_call")) {
                        JsonNode call = message.get("function_call");
                        String name = call.path("name").asText();
                        JsonNode response;
                        if (name.equals("Finish")) {
                            response = TextNode.valueOf("");
                        } else {
                            if (index + 1 >= conversation.size()) {
                                throw BadInputException.at(file, where + "[" + (index + 1) + "]",
                                        "the result message of the call to " + name);
                            }
                            response = conversation.get(index + 1).path("content");
                        }
                        last = append(last, tool(call.path("name"), call.path("arguments"), response));
                        index++; // the result message is consumed with its call
                    } else if (message.hasNonNull("tool_calls")) {
                        last = appendToolCalls(last, conversation, index, message.get("tool_calls"));
                    } else {
                        last = append(last, new ExecutionGraph.Node("assistant", message.get("content")));
                    }
                }
                default -> throw BadInputException.at(file, where + "[" + index + "].role",
                        "system, user, assistant, function or tool, found '" + role + "'");
            }
        }
        return output(generation, graph.randomWalk(random));
    }

    /** The StableToolBench {@code tool_calls} branch: Finish ends the message; results are found by call id. */
    private static ExecutionGraph.Node appendToolCalls(
            ExecutionGraph.Node last, JsonNode conversation, int index, JsonNode calls) {
        for (JsonNode call : calls) {
            JsonNode function = call.path("function");
            if (function.path("name").asText().equals("Finish")) {
                return append(last, tool(function.path("name"), function.path("arguments"), TextNode.valueOf("")));
            }
            String id = call.path("id").asText();
            for (int later = index + 1; later < conversation.size(); later++) {
                JsonNode result = conversation.get(later);
                if (result.path("role").asText().equals("tool") && result.path("tool_call_id").asText().equals(id)) {
                    last = append(last, tool(function.path("name"), function.path("arguments"), result.path("content")));
                    break;
                }
            }
        }
        return last;
    }

    /** {@code process_invalid_data}: a random try (CoT) or a random walk through the whole tree (DFS). */
    ObjectNode convertInvalid(Path file, JsonNode raw, JsonNode generation, PyRandom random) {
        ExecutionGraph graph = newGraph(generation);
        if (method.contains("CoT") || method.contains("cot")) {
            JsonNode trys = required(file, raw, "trys", "$");
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < trys.size(); i++) {
                indices.add(i);
            }
            if (indices.isEmpty()) {
                throw BadInputException.at(file, "$.trys", "at least one try for an invalid CoT answer");
            }
            int chosen = random.choice(indices);
            JsonNode chain = trys.get(chosen).path("chain");
            String where = "$.trys[" + chosen + "].chain";
            ExecutionGraph.Node last = graph.user();
            for (int index = 0; index < chain.size(); index++) {
                JsonNode node = chain.get(index);
                String type = node.path("node_type").asText();
                if (type.equals("Action")) {
                    if (index + 1 >= chain.size()) {
                        throw BadInputException.at(file, where + "[" + (index + 1) + "]", "the Action Input after an Action");
                    }
                    JsonNode input = chain.get(index + 1);
                    last = append(last, tool(node.path("description"), input.path("description"), observation(input)));
                    index++;
                } else if (type.equals("Thought")) {
                    last = append(last, new ExecutionGraph.Node("assistant", node.path("description")));
                } else {
                    throw BadInputException.at(file, where + "[" + index + "].node_type", "Action or Thought, found '" + type + "'");
                }
            }
        } else if (method.contains("DFS") || method.contains("dfs")) {
            JsonNode root = required(file, required(file, raw, "tree", "$"), "tree", "$.tree");
            DfsTree.attach(file, graph.user(), root);
        } else {
            throw new BadInputException(file + ": method '" + method
                    + "': expected a method containing CoT or DFS to convert an invalid answer");
        }
        return output(generation, graph.randomWalk(random));
    }

    private ObjectNode output(JsonNode generation, List<ExecutionGraph.Node> path) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("query", generation.get("query"));
        out.set("available_tools", generation.get("function"));
        ObjectNode answer = out.putObject("answer");
        answer.put("method", method);
        answer.put("total_steps", path.size());
        answer.set("final_answer", generation.get("final_answer"));
        answer.set("answer_details", ExecutionGraph.toDetails(path));
        return out;
    }

    private static ExecutionGraph newGraph(JsonNode generation) {
        // The system text is blanked in the output, so the original's long prompt is not rebuilt.
        return new ExecutionGraph(TextNode.valueOf(""), generation.path("query"));
    }

    static ExecutionGraph.Node tool(JsonNode name, JsonNode arguments, JsonNode response) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.set("name", name);
        message.set("arguments", arguments);
        message.set("response", response);
        return new ExecutionGraph.Node("tool", message);
    }

    /** An Action Input's observation; absent when empty in the raw files (§2.6). */
    static JsonNode observation(JsonNode actionInput) {
        JsonNode observation = actionInput.get("observation");
        return observation == null ? TextNode.valueOf("") : observation;
    }

    private static ExecutionGraph.Node append(ExecutionGraph.Node last, ExecutionGraph.Node node) {
        last.next.add(node);
        return node;
    }

    private static JsonNode required(Path file, JsonNode parent, String field, String where) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw BadInputException.at(file, where + "." + field, "a value (raw ToolBench answer format, §2.6)");
        }
        return value;
    }

    /** Options of a conversion. */
    public static final class Builder {
        private final String method;
        private long seed = Seeds.TOOLBENCH_SEED;
        private boolean pythonCompatible;

        private Builder(String method) {
            if (method == null || method.isBlank()) {
                throw new BadInputException("--method: expected a method name such as CoT@1 or DFS_woFilter_w2");
            }
            this.method = method;
        }

        /** The run seed from which each query's draws are derived. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** One {@code PyRandom(42)} stream over the files in name order, as the original script. */
        public Builder pythonCompatible(boolean pythonCompatible) {
            this.pythonCompatible = pythonCompatible;
            return this;
        }

        public AnswerConverter build() {
            return new AnswerConverter(this);
        }
    }
}
