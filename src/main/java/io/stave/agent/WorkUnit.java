package io.stave.agent;

import io.stave.Sha256;
import io.stave.store.CanonicalJson;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One episode to run (harness.md §4.1): a query of a suite, solved by a method with a model, once per trial.
 *
 * @param suite  the suite's name (a group name, or the query file's name)
 * @param group  the answer folder ({@code answers/<group>/})
 * @param qid    the query id
 * @param method the method's ToolBench name
 * @param model  the model SPEC
 * @param trial  0-based
 */
public record WorkUnit(String suite, String group, String qid, String method, String model, int trial) {

    /** Lowercase hex SHA-256 of the canonical JSON of the fields. */
    public String id() {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("suite", suite);
        fields.put("group", group);
        fields.put("qid", qid);
        fields.put("method", method);
        fields.put("model", model);
        fields.put("trial", trial);
        return CanonicalJson.sha256Key(fields);
    }

    /** {@code <group>/<qid>_<method>}: the answer file's name, and the recording a tool cache replays. */
    public String episode() {
        return group + "/" + qid + "_" + method;
    }

    /** The answer file, relative to the run directory; trials after the first go under {@code trials/<t>/}. */
    public String answerPath() {
        String answer = "answers/" + episode() + ".json";
        return trial == 0 ? answer : "trials/" + trial + "/" + answer;
    }

    /** A seed for one purpose: the first 8 bytes of SHA-256 of (run seed, purpose, unit id) (harness.md §4.1). */
    public long seed(long runSeed, String purpose) {
        return Sha256.seed(runSeed, purpose, id());
    }

    /** The shard of this unit among {@code count}: the first 8 bytes of the id, unsigned, modulo count. */
    public int shard(int count) {
        long first = ByteBuffer.wrap(HexFormat.of().parseHex(id().substring(0, 16))).getLong();
        return (int) Long.remainderUnsigned(first, count);
    }
}
