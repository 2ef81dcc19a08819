package io.stave.bench.py;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Expected values are CPython 3.11 outputs of the same calls (`random.seed(n)` then the draws). */
class PyRandomTest {

    @Test
    void seed_42_gives_the_documented_first_random_draws() {
        PyRandom random = new PyRandom(42);
        assertThat(random.random()).isEqualTo(0.6394267984578837);
        assertThat(random.random()).isEqualTo(0.025010755222666936);
        assertThat(random.random()).isEqualTo(0.27502931836911926);
    }

    @Test
    void seed_0_is_the_one_word_key_zero() {
        assertThat(new PyRandom(0).random()).isEqualTo(0.8444218515250481);
    }

    @Test
    void a_seed_above_32_bits_uses_two_key_words_low_word_first() {
        assertThat(new PyRandom((1L << 40) + 5).random()).isEqualTo(0.5043802970418443);
    }

    @Test
    void getrandbits_32_returns_the_raw_tempered_outputs() {
        PyRandom random = new PyRandom(42);
        assertThat(random.getrandbits(32)).isEqualTo(2746317213L);
        assertThat(random.getrandbits(32)).isEqualTo(478163327L);
    }

    @Test
    void randint_matches_python_for_seed_42() {
        assertThat(new PyRandom(42).randint(1, 100)).isEqualTo(82);
    }

    @Test
    void shuffle_matches_python_for_seed_42() {
        List<Integer> x = new ArrayList<>(IntStream.range(0, 10).boxed().toList());
        new PyRandom(42).shuffle(x);
        assertThat(x).containsExactly(7, 3, 2, 8, 5, 6, 9, 4, 0, 1);
    }

    @Test
    void choice_rejection_samples_like_python() {
        PyRandom random = new PyRandom(42);
        List<String> abc = List.of("a", "b", "c");
        List<String> drawn = IntStream.range(0, 8).mapToObj(i -> random.choice(abc)).toList();
        assertThat(drawn).containsExactly("c", "a", "a", "c", "b", "a", "a", "a");
    }

    @Test
    void choice_from_an_empty_sequence_is_an_index_error() {
        assertThatThrownBy(() -> new PyRandom(1).choice(List.of())).isInstanceOf(PyRandom.IndexError.class);
    }
}
