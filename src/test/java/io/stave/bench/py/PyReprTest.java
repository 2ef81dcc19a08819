package io.stave.bench.py;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.bench.SpecBlocks;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected texts are CPython 3.11 output for the same values. */
class PyReprTest {

    static Stream<Arguments> floats() {
        return Stream.of(
                Arguments.of(1e16, "1e+16"),
                Arguments.of(1e-5, "1e-05"),
                Arguments.of(0.1 + 0.2, "0.30000000000000004"),
                Arguments.of(-0.0, "-0.0"),
                Arguments.of(0.0, "0.0"),
                Arguments.of(1000.0, "1000.0"),
                Arguments.of(1.5e16, "1.5e+16"),
                Arguments.of(123456789012345678.0, "1.2345678901234568e+17"),
                Arguments.of(Double.MIN_VALUE, "5e-324"),
                Arguments.of(2.2250738585072014e-308, "2.2250738585072014e-308"),
                Arguments.of(Double.MAX_VALUE, "1.7976931348623157e+308"),
                Arguments.of(0.0001, "0.0001"),
                Arguments.of(-87.6244212, "-87.6244212"),
                Arguments.of(1e22, "1e+22"),
                Arguments.of(1e23, "1e+23"),
                Arguments.of(9007199254740993.0, "9007199254740992.0"),
                Arguments.of(0.3, "0.3"),
                Arguments.of(100.0, "100.0"),
                Arguments.of(1e15, "1000000000000000.0"),
                Arguments.of(9999999999999998.0, "9999999999999998.0"),
                Arguments.of(123.456e-10, "1.23456e-08"),
                Arguments.of(Double.POSITIVE_INFINITY, "inf"),
                Arguments.of(Double.NEGATIVE_INFINITY, "-inf"),
                Arguments.of(Double.NaN, "nan"));
    }

    @ParameterizedTest
    @MethodSource("floats")
    void float_repr_is_the_shortest_round_trip_in_python_layout(double value, String expected) {
        assertThat(PyFloat.repr(value)).isEqualTo(expected);
        assertThat(PyRepr.repr(value)).isEqualTo(expected);
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("plain", "'plain'"),
                Arguments.of("", "''"),
                Arguments.of("it's", "\"it's\""),
                Arguments.of("say \"hi\"", "'say \"hi\"'"),
                Arguments.of("both ' and \"", "'both \\' and \"'"),
                Arguments.of("back\\slash", "'back\\\\slash'"),
                Arguments.of("nl\n", "'nl\\n'"),
                Arguments.of("tab\t", "'tab\\t'"),
                Arguments.of("cr\r", "'cr\\r'"),
                Arguments.of("\u0000\u001f\u007f", "'\\x00\\x1f\\x7f'"),
                Arguments.of("\u00a0\u200b\u2028", "'\\xa0\\u200b\\u2028'"),
                Arguments.of("\uD83D\uDE00", "'\uD83D\uDE00'"),
                Arguments.of("é日本", "'é日本'"),
                Arguments.of("\u0085", "'\\x85'"),
                Arguments.of("\uD800", "'\\ud800'"),
                Arguments.of(new String(Character.toChars(0xE0001)), "'\\U000e0001'"));
    }

    @ParameterizedTest
    @MethodSource("strings")
    void string_repr_chooses_quotes_and_escapes_like_cpython(String value, String expected) {
        assertThat(PyRepr.repr(value)).isEqualTo(expected);
        assertThat(PyRepr.quote(value)).isEqualTo(expected);
    }

    @Test
    void top_level_str_of_a_string_is_the_string_itself() {
        assertThat(PyRepr.str("it's\n")).isEqualTo("it's\n");
        assertThat(PyRepr.str(Json.parse("\"x\\ty\""))).isEqualTo("x\ty");
        assertThat(PyRepr.str(List.of("it's"))).isEqualTo("[\"it's\"]");
    }

    @Test
    void constants_integers_and_tuples_print_as_python() {
        assertThat(PyRepr.repr(PyTuple.of(1))).isEqualTo("(1,)");
        assertThat(PyRepr.repr(PyTuple.of())).isEqualTo("()");
        assertThat(PyRepr.repr(PyTuple.of(1, "a", null, true, false))).isEqualTo("(1, 'a', None, True, False)");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", Arrays.asList(Map.of(), List.of(), new BigInteger("12345678901234567890123")));
        assertThat(PyRepr.repr(map)).isEqualTo("{'k': [{}, [], 12345678901234567890123]}");
    }

    @Test
    void json_nodes_keep_order_types_and_big_integers() {
        String json = "{\"z\": 1, \"a\": 1.0, \"n\": null, \"t\": true, \"f\": false, "
                + "\"big\": 123456789012345678901234567890, \"e\": 1e-7, \"l\": [[], {}, \"it's\"], \"d\": {\"x\": -0.0}}";
        assertThat(PyRepr.repr(Json.parse(json))).isEqualTo(
                "{'z': 1, 'a': 1.0, 'n': None, 't': True, 'f': False, "
                        + "'big': 123456789012345678901234567890, 'e': 1e-07, 'l': [[], {}, \"it's\"], 'd': {'x': -0.0}}");
    }

    @Test
    void finish_function_repr_equals_the_spec_rendering() {
        String json = SpecBlocks.get("FINISH_FUNCTION_JSON");
        assertThat(PyRepr.repr(Json.parse(json))).isEqualTo(SpecBlocks.get("FINISH_FUNCTION_PYREPR"));
    }
}
