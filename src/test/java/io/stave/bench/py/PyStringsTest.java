package io.stave.bench.py;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PyStringsTest {

    private static final String SMILE = "\uD83D\uDE00";

    @Test
    void length_counts_code_points_not_utf16_units() {
        assertThat(PyStrings.len("a" + SMILE + "b")).isEqualTo(3);
        assertThat(PyStrings.len("")).isZero();
    }

    @Test
    void slices_clamp_and_count_negative_bounds_from_the_end() {
        String s = "ab" + SMILE + "cd";
        assertThat(PyStrings.slice(s, 1, 3)).isEqualTo("b" + SMILE);
        assertThat(PyStrings.slice(s, -2)).isEqualTo("cd");
        assertThat(PyStrings.slice(s, 0, -1)).isEqualTo("ab" + SMILE + "c");
        assertThat(PyStrings.slice(s, -100, 100)).isEqualTo(s);
        assertThat(PyStrings.slice(s, 4, 2)).isEmpty();
        assertThat(PyStrings.slice(s, 9)).isEmpty();
        assertThat(PyStrings.head(s, 3)).isEqualTo("ab" + SMILE);
        assertThat(PyStrings.tail(s, 3)).isEqualTo(SMILE + "cd");
        assertThat(PyStrings.tail("abc", 64)).isEqualTo("abc");
    }

    @Test
    void find_returns_code_point_index_or_minus_one() {
        assertThat(PyStrings.find(SMILE + "Thought: x", "Thought: ")).isEqualTo(1);
        assertThat(PyStrings.find("abc", "z")).isEqualTo(-1);
        // s[s.find(t)+8:] starts at 7 when t is missing (§1.1).
        assertThat(PyStrings.slice("0123456789", PyStrings.find("0123456789", "Action: ") + 8)).isEqualTo("789");
    }

    @Test
    void strip_removes_python_whitespace_including_nbsp_and_separators() {
        assertThat(PyStrings.strip(" \t\n\u000b\f\r\u001c\u0085\u00a0\u2028\u3000x y\u2003 ")).isEqualTo("x y");
        assertThat(PyStrings.strip("\u200bx")).isEqualTo("\u200bx");
        assertThat(PyStrings.strip("   ")).isEmpty();
    }

    @Test
    void replace_with_empty_old_inserts_between_code_points() {
        assertThat(PyStrings.replace("a" + SMILE, "", "-")).isEqualTo("-a-" + SMILE + "-");
        assertThat(PyStrings.replace("aaa", "aa", "b")).isEqualTo("ba");
    }
}
