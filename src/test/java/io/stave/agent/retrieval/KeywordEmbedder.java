package io.stave.agent.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fake embedding model whose vectors are hand-computable: one dimension per keyword, holding how
 * often the keyword occurs in the lower-cased text. Counts the texts it was asked to embed.
 */
final class KeywordEmbedder implements Embedder {

    static final List<String> KEYWORDS = List.of("weather", "stock", "movie", "music");

    int embedded;

    @Override
    public String id() {
        return "keywords:" + String.join(",", KEYWORDS);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>();
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            float[] v = new float[KEYWORDS.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = lower.split(KEYWORDS.get(i), -1).length - 1;
            }
            vectors.add(v);
        }
        embedded += texts.size();
        return vectors;
    }
}
