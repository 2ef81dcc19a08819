package io.stave.agent;

import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.FunctionCall;
import io.stave.bench.chat.Message;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.FunctionSet;
import io.stave.bench.schema.SchemaOptions;
import io.stave.llm.Backend;
import io.stave.llm.ChatRequest;
import io.stave.llm.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Test doubles: a backend answering from a script, actions with ToolBench's Finish rules. */
final class Scripted {

    private Scripted() {}

    /** A backend that answers each request with the script's reply and keeps every request. */
    static final class ScriptedBackend implements Backend {
        final List<ChatRequest> requests = new ArrayList<>();
        private final Function<ChatRequest, Message> script;

        ScriptedBackend(Function<ChatRequest, Message> script) {
            this.script = script;
        }

        /** Replies in this order, then fails. */
        static ScriptedBackend of(Message... replies) {
            List<Message> queue = new ArrayList<>(List.of(replies));
            return new ScriptedBackend(r -> queue.isEmpty() ? null : queue.removeFirst());
        }

        @Override
        public Reply complete(ChatRequest request) {
            requests.add(request);
            Message reply = script.apply(request);
            return reply == null ? Reply.failure("script exhausted") : new Reply(reply, 0, 10, 5);
        }

        @Override
        public String id() {
            return "scripted";
        }
    }

    static Message call(String name, String arguments) {
        return Message.assistant(null, new FunctionCall(name, arguments));
    }

    static Message thoughtAndCall(String thought, String name, String arguments) {
        return Message.assistant(thought, new FunctionCall(name, arguments));
    }

    static Message answer(String text) {
        return call("Finish", "{\"return_type\": \"give_answer\", \"final_answer\": \"" + text + "\"}");
    }

    static Message giveUp() {
        return call("Finish", "{\"return_type\": \"give_up_and_restart\"}");
    }

    /** Finish by ToolBench's status rules (§5.2), known tools answer {@code {"error": "", "response": "<name> ok"}}. */
    static ActionOutcome act(String name, String arguments) {
        if (name.equals("Finish")) {
            if (arguments.contains("\"give_up_and_restart\"")) {
                return new ActionOutcome("{\"response\":\"chose to give up and restart\"}", 4, "local");
            }
            if (arguments.contains("\"give_answer\"")) {
                return new ActionOutcome("{\"response\":\"successfully giving the final answer.\"}", 3, "local");
            }
            return new ActionOutcome("{error:\"must have \"return_type\"\"}", 2, "local");
        }
        if (!name.startsWith("tool_")) {
            return new ActionOutcome("{\"error\": \"No such function name: " + name + "\", \"response\": \"\"}", 1, "local");
        }
        return new ActionOutcome("{\"error\": \"\", \"response\": \"" + name + " ok\"}", 0, "cache");
    }

    static Episode episode(Backend backend, SearchSettings settings, long seed) {
        Query query = new Query("1", "Find things.", List.of(), List.of());
        FunctionSet functions = FunctionSchemas.build(query, ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH));
        List<Message> initial = List.of(Message.system("system"), Message.user("\nFind things.\nBegin!\n"));
        return new Episode(backend, new ChatRequest(initial, functions, Profile.TOOLBENCH, "G1_instruction/1_test", 0,
                false), Scripted::act, settings, seed);
    }
}
