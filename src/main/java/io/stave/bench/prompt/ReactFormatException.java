package io.stave.bench.prompt;

import java.util.List;

/** A generation that the strict ReAct parser refuses; {@link #problems()} says what is missing. */
public final class ReactFormatException extends RuntimeException {

    private final List<String> problems;
    private final String generation;

    public ReactFormatException(List<String> problems, String generation) {
        super("not in ReAct format (Thought/Action/Action Input): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.generation = generation;
    }

    public List<String> problems() {
        return problems;
    }

    public String generation() {
        return generation;
    }
}
