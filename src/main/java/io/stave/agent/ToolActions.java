package io.stave.agent;

import io.stave.tools.ActionDispatcher;
import io.stave.tools.Observation;

/**
 * The actions of one episode through the tools package: Finish, name matching and truncation by
 * {@link ActionDispatcher}, tool calls by its executor; the episode name lets a cache imported from
 * answer files replay exactly what that episode saw.
 */
public final class ToolActions implements Actions {

    private final ActionDispatcher dispatcher;
    private final String episode;

    /** @param episode {@code <group>/<qid>_<method>} */
    public ToolActions(ActionDispatcher dispatcher, String episode) {
        this.dispatcher = dispatcher;
        this.episode = episode;
    }

    @Override
    public ActionOutcome act(String name, String arguments) {
        Observation observation = dispatcher.act(name, arguments, episode);
        return new ActionOutcome(observation.text(), observation.status(), observation.source().label());
    }
}
