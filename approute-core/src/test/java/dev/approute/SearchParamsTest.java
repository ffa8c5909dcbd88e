package dev.approute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** SPEC 8.1-8.7: {@code URLSearchParams} parsing and serialization. */
class SearchParamsTest {

    @Test
    void simpleQuery_8_1() {
        SearchParams sp = SearchParams.parse("?query=hello");
        assertThat(sp.get("query")).isEqualTo("hello");
        assertThat(sp.get("missing")).isNull();
        assertThat(sp.has("missing")).isFalse();
    }

    @Test
    void repeatedAndEmptyValuesInOrder_8_2() {
        SearchParams sp = SearchParams.parse("?a=1&a=2&a=3&empty=&query=x");
        assertThat(sp.getAll("a")).containsExactly("1", "2", "3");
        assertThat(sp.get("a")).isEqualTo("1");
        assertThat(sp.has("empty")).isTrue();
        assertThat(sp.get("empty")).isEqualTo("");
        assertThat(sp.entries()).containsExactly(Map.entry("a", "1"), Map.entry("a", "2"), Map.entry("a", "3"),
                Map.entry("empty", ""), Map.entry("query", "x"));
        assertThat(sp.toString()).isEqualTo("a=1&a=2&a=3&empty=&query=x");
    }

    @Test
    void nameWithoutEqualsHasEmptyValueAndIsReserializedWithEquals_8_3() {
        SearchParams sp = SearchParams.parse("?empty");
        assertThat(sp.has("empty")).isTrue();
        assertThat(sp.get("empty")).isEqualTo("");
        assertThat(sp.toString()).isEqualTo("empty=");
    }

    @Test
    void plusIsSpaceAndEncodedAmpersandIsData_8_4() {
        SearchParams sp = SearchParams.parse("?query=a%20b+c&x=%26");
        assertThat(sp.get("query")).isEqualTo("a b c");
        assertThat(sp.get("x")).isEqualTo("&");
        assertThat(sp.size()).isEqualTo(2);
        assertThat(sp.toString()).isEqualTo("query=a+b+c&x=%26");
    }

    @Test
    void semicolonIsNotASeparator_8_5() {
        SearchParams sp = SearchParams.parse("?a=1;b=2");
        assertThat(sp.get("a")).isEqualTo("1;b=2");
        assertThat(sp.has("b")).isFalse();
        assertThat(sp.toString()).isEqualTo("a=1%3Bb%3D2");
    }

    @Test
    void malformedEscapesAreKeptOrReplaced_8_6() {
        SearchParams sp = SearchParams.parse("?query=%ZZ&q2=%E0%A4%A");
        assertThat(sp.get("query")).isEqualTo("%ZZ");
        assertThat(sp.get("q2")).isEqualTo("\uFFFD%A");
        assertThat(sp.toString()).isEqualTo("query=%25ZZ&q2=%EF%BF%BD%25A");
    }

    @Test
    void trailingPercentIsKept() {
        assertThat(SearchParams.parse("a=50%").get("a")).isEqualTo("50%");
        assertThat(SearchParams.parse("a=%4").get("a")).isEqualTo("%4");
    }

    @Test
    void questionMarkAloneIsEmpty_8_7() {
        assertThat(SearchParams.parse("?").isEmpty()).isTrue();
        assertThat(SearchParams.parse("").isEmpty()).isTrue();
        assertThat(SearchParams.parse(null).isEmpty()).isTrue();
        assertThat(SearchParams.parse("?").toString()).isEmpty();
    }

    @Test
    void emptyPiecesAreSkippedAndEmptyNameKept() {
        SearchParams sp = SearchParams.parse("&&a=1&&=x&");
        assertThat(sp.entries()).containsExactly(Map.entry("a", "1"), Map.entry("", "x"));
    }

    @Test
    void onlyFirstEqualsSplits() {
        assertThat(SearchParams.parse("a=b=c").get("a")).isEqualTo("b=c");
    }

    @Test
    void utf8IsDecodedAndReencoded() {
        SearchParams sp = SearchParams.parse("q=caf%C3%A9&e=%F0%9F%98%80");
        assertThat(sp.get("q")).isEqualTo("café");
        assertThat(sp.get("e")).isEqualTo("😀");
        assertThat(sp.toString()).isEqualTo("q=caf%C3%A9&e=%F0%9F%98%80");
    }

    @Test
    void serializationUsesTheUrlencodedSet() {
        SearchParams sp = SearchParams.of("a", "1", "b", "two words", "c", "*-._~!'()");
        assertThat(sp.toString()).isEqualTo("a=1&b=two+words&c=*-._%7E%21%27%28%29");
    }

    @Test
    void appendSetDeleteReturnCopies() {
        SearchParams base = SearchParams.parse("a=1&b=2&a=3");
        SearchParams set = base.set("a", "9");
        assertThat(set.getAll("a")).containsExactly("9");
        assertThat(base.getAll("a")).containsExactly("1", "3");
        assertThat(base.delete("a").toString()).isEqualTo("b=2");
        assertThat(base.append("c", "x y").toString()).isEqualTo("a=1&b=2&a=3&c=x+y");
    }

    @Test
    void equalityIsByEntries() {
        assertThat(SearchParams.parse("a=1&b=2")).isEqualTo(SearchParams.of("a", "1", "b", "2"));
        assertThat(SearchParams.parse("a=1&b=2")).isNotEqualTo(SearchParams.of("b", "2", "a", "1"));
    }
}
