package io.stave.agent;

import java.util.List;

/** What a search leaves for the answer file (spec/toolbench.md §6.5). */
public sealed interface SearchResult permits ChainSearch.Result, DepthFirstSearch.Result {

    /** The node whose path is the answer, or {@code null} when there is none. */
    Node chosen();

    /** The non-pruned terminal nodes, in the order found ({@code compare_candidates}). */
    List<Node> candidates();

    /** Whether a {@code give_answer} succeeded. */
    boolean win();

    StopReason stop();
}
