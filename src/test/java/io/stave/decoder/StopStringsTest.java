package io.stave.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopStringsTest {

    @Test
    void text_that_might_start_a_stop_string_is_held_back_and_the_stop_is_never_emitted() {
        StringBuilder out = new StringBuilder();
        StopStrings stops = new StopStrings(List.of("</s>"), out::append);
        assertThat(stops.accept("Hello <")).isFalse();
        assertThat(out).hasToString("Hello ");
        assertThat(stops.accept("/")).isFalse();
        assertThat(stops.accept("s> more")).isTrue();
        assertThat(out).hasToString("Hello ");
        assertThat(stops.text()).isEqualTo("Hello ");
    }

    @Test
    void held_back_text_is_released_when_it_turns_out_not_to_be_a_stop() {
        StringBuilder out = new StringBuilder();
        StopStrings stops = new StopStrings(List.of("\nUser:"), out::append);
        stops.accept("a\nUs");
        assertThat(out).hasToString("a");
        stops.accept("ually");
        assertThat(out).hasToString("a\nUsually");
        stops.accept("\n");
        stops.finish();
        assertThat(out).hasToString("a\nUsually\n");
    }

    @Test
    void generation_stops_at_a_stop_string_in_stories260k() {
        try (var model = ModelSpec.parse("gguf:" + Stories260K.gguf()).load(); var session = model.newSession(256)) {
            StringBuilder out = new StringBuilder();
            Generator.Result result = Generator.builder(model).maxNewTokens(200).stopString("Lily").build()
                    .generate(session, new int[] {1}, out::append);
            assertThat(result.stopReason()).isEqualTo(Generator.StopReason.STOP_STRING);
            assertThat(result.text()).isEqualTo("Once upon a time, there was a little girl named ");
            assertThat(out).hasToString(result.text());
        }
    }
}
