package io.stave.agent;

import io.stave.BadInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search method by its ToolBench name (spec/toolbench.md §6.6): {@code CoT@<n>},
 * {@code DFS_woFilter_w<N>}, {@code DFS_w<N>}; aliases {@code react} = {@code CoT@1} and
 * {@code dfsdt} = {@code DFS_woFilter_w2}.
 *
 * @param name the canonical name, as answer file names spell it
 */
public record Method(String name) {

    private static final Pattern COT = Pattern.compile("CoT@([1-9][0-9]*)");
    private static final Pattern DFS = Pattern.compile("DFS_(woFilter_)?w([1-9][0-9]*)");

    public static Method parse(String text) {
        String name = switch (text) {
            case "react" -> "CoT@1";
            case "dfsdt" -> "DFS_woFilter_w2";
            default -> text;
        };
        if (!COT.matcher(name).matches() && !DFS.matcher(name).matches()) {
            throw new BadInputException("--method " + text
                    + ": expected react, dfsdt, CoT@<n>, DFS_woFilter_w<N> or DFS_w<N>");
        }
        return new Method(name);
    }

    public boolean isChain() {
        return COT.matcher(name).matches();
    }

    /** Runs the search this method names on an episode. */
    public SearchResult run(Episode episode) {
        Matcher cot = COT.matcher(name);
        if (cot.matches()) {
            return new ChainSearch(Integer.parseInt(cot.group(1))).run(episode);
        }
        Matcher dfs = DFS.matcher(name);
        if (!dfs.matches()) {
            throw new IllegalStateException(name);
        }
        return new DepthFirstSearch(Integer.parseInt(dfs.group(2)), dfs.group(1) == null).run(episode);
    }

    @Override
    public String toString() {
        return name;
    }
}
