package io.stave.agent.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stave.BadInputException;
import io.stave.bench.Api;
import io.stave.bench.Parameter;
import io.stave.bench.py.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real all-MiniLM-L6-v2 on a tiny corpus, and the same model loaded through {@code onnx:PATH}. */
class MiniLmRetrieverTest {

    private static final List<Api> APIS = List.of(
            api("Weather", "Open Weather", "Daily Forecast",
                    "Hourly and daily weather forecast for a city: temperature, rain probability and wind.", "city"),
            api("Finance", "Market Data", "Stock Quote", "Latest trading price and volume of a stock ticker.", "symbol"),
            api("Movies", "Cinema Guide", "Showtimes", "Film screenings and showtimes at cinemas near a location.",
                    "location"),
            api("Translation", "Lingo", "Translate Text", "Translate a text from one language into another.", "text"));

    private static Embedder minilm;
    private static ApiRetriever retriever;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void embedCorpus() {
        minilm = Embedders.parse("minilm");
        retriever = ApiRetriever.builder().corpus(ApiCorpus.of(APIS, "tiny")).embedder(minilm).build();
    }

    private static Api api(String category, String tool, String name, String description, String parameter) {
        Parameter p = new Parameter(parameter, "STRING", "", Json.NODES.textNode(""));
        return new Api(category, tool, name, description, "GET", List.of(p), List.of(), null);
    }

    private static String best(String query) {
        return retriever.topK(query, 1).getFirst().api().name();
    }

    @Test
    void minilm_ranks_the_obviously_matching_api_first() {
        assertThat(best("Will it rain in Paris tomorrow?")).isEqualTo("Daily Forecast");
        assertThat(best("How much is one Apple share worth right now?")).isEqualTo("Stock Quote");
        assertThat(best("Which films are playing tonight near me?")).isEqualTo("Showtimes");
        assertThat(best("Say 'good morning' in Spanish")).isEqualTo("Translate Text");
    }

    @Test
    void minilm_scores_are_cosines_in_descending_order() {
        List<RetrievedApi> all = retriever.topK("Will it rain in Paris tomorrow?", 4);
        assertThat(all).hasSize(4);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).score()).isBetween(-1.0, 1.0);
            if (i > 0) {
                assertThat(all.get(i).score()).isLessThanOrEqualTo(all.get(i - 1).score());
            }
        }
        assertThat(all.get(0).score() - all.get(1).score()).isGreaterThan(0.1);
        assertThat(minilm.embedAll(List.of("hello")).getFirst()).hasSize(384);
    }

    @Test
    void onnx_spec_loads_an_exported_model_with_its_tokenizer_and_pooling() throws IOException {
        // The jar's own all-MiniLM-L6-v2 export, loaded as a user's model file: same vectors as the built-in.
        Path model = copy("all-minilm-l6-v2.onnx", tmp.resolve("model.onnx"));
        Path tokenizer = copy("all-minilm-l6-v2-tokenizer.json", tmp.resolve("tokenizer.json"));
        Embedder onnx = Embedders.parse("onnx:" + model + ",pooling=mean");
        assertThat(onnx.id()).startsWith("onnx:").endsWith(":mean").isNotEqualTo(minilm.id());
        assertThat(Embedders.parse("onnx:" + model + ",tokenizer=" + tokenizer + ",pooling=mean").id())
                .isEqualTo(onnx.id());
        assertThat(Embedders.parse("onnx:" + model + ",pooling=cls").id()).isNotEqualTo(onnx.id());

        float[] expected = minilm.embedAll(List.of("Will it rain in Paris tomorrow?")).getFirst();
        float[] actual = onnx.embedAll(List.of("Will it rain in Paris tomorrow?")).getFirst();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-5f));
        }
    }

    @Test
    void bad_retriever_specs_are_bad_input_naming_the_problem() {
        assertThatThrownBy(() -> Embedders.parse("bm25")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--retriever 'bm25'");
        assertThatThrownBy(() -> Embedders.parse("onnx:" + tmp.resolve("absent.onnx")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("absent.onnx");
        assertThatThrownBy(() -> Embedders.parse("onnx:x.onnx,size=3")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown option 'size=3'");
        assertThatThrownBy(() -> Embedders.parse("onnx:x.onnx,pooling=max")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("pooling 'max'");
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = MiniLmRetrieverTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }
}
