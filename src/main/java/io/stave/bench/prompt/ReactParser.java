package io.stave.bench.prompt;

import io.stave.bench.py.PyStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a ToolLLaMA generation into thought, action and action input (spec/toolbench.md §4.6).
 *
 * <p>{@link #parse} is ToolBench's {@code react_parser}: Python slices between {@code find}
 * positions, with no error handling, so a missing marker silently gives a shifted slice.
 * {@link #parseStrict} is stave's own option: it refuses a generation without the three markers
 * in order and says which are missing.
 */
public final class ReactParser {

    private static final String THOUGHT = "Thought: ";
    private static final String ACTION = "Action: ";
    private static final String ACTION_INPUT = "Action Input: ";

    private ReactParser() {}

    /** ToolBench's exact behaviour. */
    public static ReactOutput parse(String s) {
        String thought = PyStrings.slice(s, PyStrings.find(s, THOUGHT) + THOUGHT.length(), PyStrings.find(s, "\n" + ACTION));
        String action = PyStrings.slice(s, PyStrings.find(s, ACTION) + ACTION.length(), PyStrings.find(s, "\n" + ACTION_INPUT));
        String actionInput = PyStrings.slice(s, PyStrings.find(s, ACTION_INPUT) + ACTION_INPUT.length());
        return new ReactOutput(thought, action, actionInput);
    }

    /**
     * Strict mode: {@code Thought: }, then {@code \nAction: }, then {@code \nAction Input: } must all
     * occur in this order; the parts are then those {@link #parse} returns.
     *
     * @throws ReactFormatException naming every missing or misplaced marker
     */
    public static ReactOutput parseStrict(String s) {
        List<String> problems = new ArrayList<>();
        int thought = s.indexOf(THOUGHT);
        int action = s.indexOf("\n" + ACTION);
        int input = s.indexOf("\n" + ACTION_INPUT);
        if (thought < 0) {
            problems.add("missing 'Thought: '");
        }
        if (action < 0) {
            problems.add("missing a line starting with 'Action: '");
        }
        if (input < 0) {
            problems.add("missing a line starting with 'Action Input: '");
        }
        if (thought >= 0 && action >= 0 && action < thought) {
            problems.add("'Action: ' comes before 'Thought: '");
        }
        if (action >= 0 && input >= 0 && input < action) {
            problems.add("'Action Input: ' comes before 'Action: '");
        }
        if (!problems.isEmpty()) {
            throw new ReactFormatException(problems, s);
        }
        ReactOutput output = parse(s);
        if (output.action().isBlank()) {
            throw new ReactFormatException(List.of("empty action name"), s);
        }
        return output;
    }
}
