package io.stave.decoder.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The RoPE test values of spec/decoder.md §3.5. */
class RopeTableTest {

    @Test
    void head_size_128_base_10000_matches_the_published_cos_and_sin() {
        RopeTable t = new RopeTable(10000, 1, 1001, 128, 128, RopePairing.ADJACENT);
        float[] sin1 = {0.841471f, 0.761720f, 0.681561f, 0.604694f};
        float[] cos1 = {0.540302f, 0.647906f, 0.731761f, 0.796458f};
        float[] cos1000 = {0.562379f, 0.439954f, -0.584579f, -0.599398f};
        for (int i = 0; i < 4; i++) {
            assertThat(t.sin(1, i)).isCloseTo(sin1[i], within(1e-6f));
            assertThat(t.cos(1, i)).isCloseTo(cos1[i], within(1e-6f));
            assertThat(t.cos(1000, i)).isCloseTo(cos1000[i], within(1e-6f));
        }
        assertThat(t.cos(1000, 63)).isCloseTo(0.993340f, within(1e-6f));
    }

    @Test
    void other_bases_at_position_1000_match_the_published_cosines() {
        RopeTable b17500 = new RopeTable(17500, 1, 1001, 128, 128, RopePairing.ADJACENT);
        RopeTable b25000 = new RopeTable(25000, 1, 1001, 128, 128, RopePairing.ADJACENT);
        float[] c17500 = {0.562379f, -0.717529f, -0.189440f, -0.446076f};
        float[] c25000 = {0.562379f, 0.653500f, 0.992407f, 0.998982f};
        for (int i = 0; i < 4; i++) {
            assertThat(b17500.cos(1000, i)).isCloseTo(c17500[i], within(1e-6f));
            assertThat(b25000.cos(1000, i)).isCloseTo(c25000[i], within(1e-6f));
        }
        assertThat(b17500.cos(1000, 63)).isCloseTo(0.997785f, within(1e-6f));
        assertThat(b25000.cos(1000, 63)).isCloseTo(0.998902f, within(1e-6f));
    }

    @Test
    void head_size_8_at_position_3_matches_stories260k_values() {
        RopeTable t = new RopeTable(10000, 1, 4, 8, 8, RopePairing.ADJACENT);
        float[] cos = {-0.989992f, 0.955336f, 0.999550f, 0.999996f};
        float[] sin = {0.141120f, 0.295520f, 0.029996f, 0.003000f};
        for (int i = 0; i < 4; i++) {
            assertThat(t.cos(3, i)).isCloseTo(cos[i], within(1e-6f));
            assertThat(t.sin(3, i)).isCloseTo(sin[i], within(1e-6f));
        }
    }

    @Test
    void ratio_2_at_position_2_gives_exactly_the_angles_of_position_1_without_scaling() {
        RopeTable scaled = new RopeTable(10000, 2, 8, 128, 128, RopePairing.ADJACENT);
        RopeTable plain = new RopeTable(10000, 1, 8, 128, 128, RopePairing.ADJACENT);
        for (int i = 0; i < 64; i++) {
            assertThat(scaled.cos(2, i)).isEqualTo(plain.cos(1, i));
            assertThat(scaled.sin(2, i)).isEqualTo(plain.sin(1, i));
        }
        assertThat(scaled.cos(1, 0)).isCloseTo((float) Math.cos(0.5), within(1e-7f)); // 1/2 is not integer division
    }

    @Test
    void half_split_rotates_element_i_with_i_plus_half_and_adjacent_rotates_pairs() {
        RopeTable adjacent = new RopeTable(10000, 1, 4, 4, 4, RopePairing.ADJACENT);
        RopeTable half = new RopeTable(10000, 1, 4, 4, 4, RopePairing.HALF_SPLIT);
        float[] a = {1, 2, 3, 4};
        float[] h = {1, 3, 2, 4}; // the same pairs, laid out half-split: (a0,a1) → (h0,h2), (a2,a3) → (h1,h3)
        adjacent.rotate(a, 0, 1, 3);
        half.rotate(h, 0, 1, 3);
        assertThat(new float[] {h[0], h[2], h[1], h[3]}).containsExactly(a);
        assertThat(a[0]).isCloseTo((float) (Math.cos(3) - 2 * Math.sin(3)), within(1e-6f));
    }
}
