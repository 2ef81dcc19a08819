package io.stave.agent;

import io.stave.bench.chat.Message;
import io.stave.bench.chat.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * ToolBench's {@code get_train_messages_from_this_node} (spec/toolbench.md §6.5): one message list
 * per assistant turn on the path root → node, the last one being the whole dialogue.
 */
final class TrainMessages {

    private TrainMessages() {}

    static List<List<Message>> of(Node node) {
        List<List<Message>> result = new ArrayList<>();
        for (Node now = node; now.father() != null; now = now.father()) {
            List<Message> use = new ArrayList<>(now.messages());
            if (now.type() == NodeType.ACTION_INPUT) {
                while (!use.isEmpty() && use.getLast().role() != Role.ASSISTANT) {
                    use.removeLast();
                }
                use = keepLastInvalid(use);
                if (!use.isEmpty()) {
                    result.addFirst(use);
                }
            } else if (now.type() == NodeType.THOUGHT) {
                while (!use.isEmpty() && use.getLast().role() == Role.USER) {
                    use.removeLast();
                }
                use = keepLastInvalid(use);
                if (!use.isEmpty() && use.getLast().role() == Role.ASSISTANT) {
                    result.addFirst(use);
                }
            }
        }
        return result;
    }

    /** Drops the messages marked invalid, except the most recent one ({@code sift_first_invalid_message}). */
    private static List<Message> keepLastInvalid(List<Message> messages) {
        List<Message> kept = new ArrayList<>();
        boolean lastInvalidKept = false;
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message message = messages.get(i);
            if (message.valid()) {
                kept.addFirst(message);
            } else if (!lastInvalidKept) {
                lastInvalidKept = true;
                kept.addFirst(message);
            }
        }
        return kept;
    }
}
