package io.stave.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void keys_are_sorted_and_whitespace_dropped_at_every_level() throws Exception {
        String text = CanonicalJson.of(MAPPER.readTree("{ \"b\": [1, {\"z\": true, \"a\": null}], \"a\": \"x\" }"));
        assertThat(text).isEqualTo("{\"a\":\"x\",\"b\":[1,{\"a\":null,\"z\":true}]}");
    }

    @Test
    void integers_and_floats_stay_distinct() throws Exception {
        assertThat(CanonicalJson.of(MAPPER.readTree("{\"n\": 1}"))).isEqualTo("{\"n\":1}");
        assertThat(CanonicalJson.of(MAPPER.readTree("{\"n\": 1.0}"))).isEqualTo("{\"n\":1.0}");
        assertThat(CanonicalJson.sha256Key(MAPPER.readTree("{\"n\": 1}")))
                .isNotEqualTo(CanonicalJson.sha256Key(MAPPER.readTree("{\"n\": 1.0}")));
    }

    @Test
    void key_order_does_not_change_the_hash() throws Exception {
        assertThat(CanonicalJson.sha256Key(MAPPER.readTree("{\"a\":1,\"b\":2}")))
                .isEqualTo(CanonicalJson.sha256Key(MAPPER.readTree("{\"b\": 2, \"a\": 1}")));
    }

    @Test
    void sha256_matches_the_published_test_vector() {
        // FIPS 180-2 example "abc".
        assertThat(CanonicalJson.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void strings_are_escaped_as_json() throws Exception {
        assertThat(CanonicalJson.of(MAPPER.readTree("[\"a\\\"b\\n\\u00e9\"]"))).isEqualTo("[\"a\\\"b\\n\u00e9\"]");
    }
}
