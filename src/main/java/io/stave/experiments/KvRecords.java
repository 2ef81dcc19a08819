package io.stave.experiments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * One key-value retrieval example in the lost-in-the-middle format
 * ({@code nelson-liu/lost-in-the-middle: scripts/make_kv_retrieval_data.py}; attention-buckets.md
 * §7.1): K records whose keys and values are random version-4 UUID strings (keys unique), and the
 * gold pair asked about.
 *
 * @param records the [key, value] pairs in prompt order
 * @param key     the gold key
 * @param value   the gold value
 */
public record KvRecords(List<Pair> records, String key, String value) {

    /** One record: a key and its value, both 36-character UUID strings. */
    public record Pair(String key, String value) {}

    public KvRecords {
        records = List.copyOf(records);
    }

    /**
     * K fresh pairs from {@code random}, with the gold pair picked uniformly at random among them
     * (as {@code make_kv_retrieval_data.py} does), then moved to {@code goldIndex} (0-based) by the
     * lost-in-the-middle convention: remove it from its place, insert it at the index.
     */
    public static KvRecords generate(Random random, int pairs, int goldIndex) {
        if (pairs < 1 || goldIndex < 0 || goldIndex >= pairs) {
            throw new IllegalArgumentException("gold index " + goldIndex + " outside 0 … " + (pairs - 1));
        }
        List<Pair> records = new ArrayList<>(pairs);
        Set<String> keys = new HashSet<>();
        while (records.size() < pairs) {
            String key = uuid4(random);
            if (keys.add(key)) {
                records.add(new Pair(key, uuid4(random)));
            }
        }
        Pair gold = records.remove(random.nextInt(pairs));
        records.add(goldIndex, gold);
        return new KvRecords(records, gold.key(), gold.value());
    }

    /** Index of the gold pair in prompt order. */
    public int goldIndex() {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalStateException("gold key missing from the records");
    }

    /**
     * The prompt of {@code base_rag/prompts/kv_retrieval.prompt} with the template's final newline
     * stripped. Records form one JSON object across lines: the first starts with "{", every later
     * one with a space; each but the last ends with ",\n", the last with "}".
     */
    public String prompt() {
        StringBuilder formatted = new StringBuilder();
        for (int i = 0; i < records.size(); i++) {
            Pair pair = records.get(i);
            formatted.append(i == 0 ? "{" : " ")
                    .append('"').append(pair.key()).append("\": \"").append(pair.value()).append('"')
                    .append(i < records.size() - 1 ? ",\n" : "}");
        }
        return "Extract the value corresponding to the specified key in the JSON object below.\n\n"
                + "JSON data:\n" + formatted + "\n\n"
                + "Key: \"" + key + "\"\n"
                + "Corresponding value:";
    }

    /** lost-in-the-middle's {@code evaluate_kv_responses.py}: the gold value, lower-cased, is in the answer. */
    public boolean isCorrect(String answer) {
        return answer.toLowerCase(java.util.Locale.ROOT).contains(value.toLowerCase(java.util.Locale.ROOT));
    }

    /** A random version-4 UUID string drawn from {@code random}, so a seed reproduces the data. */
    static String uuid4(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;               // version 4
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(most, least).toString();
    }
}
