package io.stave.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples of spec/toolbench.md §3.1 plus the edge cases of the original regular expressions. */
class NamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PopularSitesForQuery|popularsitesforquery",
        "/offices/search/:service/:stateIsoCode/:keyword|offices_search_service_stateisocode_keyword",
        "Keyword Analysis|keyword_analysis",
        "1. Get ID|get_1_get_id",
        "__a--b__|a_b",
        "x^y|x^y",
        "天气 API|天气_api",
        "Émile|mile",
        "'***'|''",
        "a\uD83D\uDE00b|a_b",
    })
    void standardize_keeps_letters_digits_caret_and_cjk(String raw, String expected) {
        assertThat(Names.standardize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"id,is_id", "from,is_from", "and,is_and", "true,is_true", "ids,ids", "ID,ID"})
    void change_name_prefixes_reserved_words(String name, String expected) {
        assertThat(Names.changeName(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sports, Media/News|Sports_Media_News",
        "Data|Data",
        "a   b|a__b",
        "a    b|a__b",
    })
    void standardize_category_collapses_double_underscores_in_one_pass(String raw, String expected) {
        assertThat(Names.standardizeCategory(raw)).isEqualTo(expected);
    }
}
