package dev.approute.internal.router;

import dev.approute.internal.util.PercentDecoding.MalformedEncodingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {
    private static RouteTable<String> table(String... patterns) {
        Map<RoutePattern, String> routes = new LinkedHashMap<>();
        for (String pattern : patterns) {
            routes.put(RoutePattern.parse(pattern), pattern);
        }
        return RouteTable.build(routes);
    }

    private final RouteTable<String> app = table("/api/hello", "/api/prec/[id]", "/api/prec/[...rest]",
            "/api/catch/static", "/api/catch/[...slug]", "/api/optional/[[...slug]]", "/_under", "/café", "/api/items/[slug]");

    @Test
    void precedenceWithBacktracking() {
        assertThat(app.match("/api/prec/1").value()).isEqualTo("/api/prec/[id]");
        assertThat(app.match("/api/prec/1").params().get("id")).isEqualTo("1");
        assertThat(app.match("/api/prec/1/2").value()).isEqualTo("/api/prec/[...rest]");
        assertThat(app.match("/api/prec/1/2").params().getAll("rest")).containsExactly("1", "2");
        assertThat(app.match("/api/catch/static").value()).isEqualTo("/api/catch/static");
        assertThat(app.match("/api/catch/static").params().isEmpty()).isTrue();
        assertThat(app.match("/api/catch/static/more").params().getAll("slug")).containsExactly("static", "more");
        assertThat(app.match("/api/catch")).isNull();
    }

    @Test
    void backtracksOutOfAStaticBranchIntoADynamicOne() {
        RouteTable<String> table = table("/en/[slug]", "/[lang]/about", "/en/x/deep");
        assertThat(table.match("/en/x").value()).isEqualTo("/en/[slug]");
        assertThat(table.match("/en/x/other")).isNull();
        assertThat(table.match("/fr/about").params().get("lang")).isEqualTo("fr");
        assertThat(table.match("/en/about").value()).isEqualTo("/en/[slug]");
    }

    @Test
    void optionalCatchAllAbsentIsNotAnEmptyList() {
        RouteMatch<String> match = app.match("/api/optional");
        assertThat(match.value()).isEqualTo("/api/optional/[[...slug]]");
        assertThat(match.params().has("slug")).isFalse();
        assertThat(app.match("/api/optional/x/y").params().getAll("slug")).containsExactly("x", "y");
    }

    @Test
    void staticSegmentsMatchAfterPercentDecoding() {
        assertThat(app.match("/%5Funder").value()).isEqualTo("/_under");
        assertThat(app.match("/caf%C3%A9").value()).isEqualTo("/café");
        assertThat(app.match("/api/%68ello").value()).isEqualTo("/api/hello");
    }

    @Test
    void anEncodedSlashNeverMatchesAStaticSegment() {
        assertThat(app.match("/api%2Fhello")).isNull();
        assertThat(table("/[one]").match("/api%2Fhello").params().get("one")).isEqualTo("api/hello");
    }

    @Test
    void paramsAreDecodedOncePerSegmentAfterSplitting() {
        assertThat(app.match("/api/items/a%2Fb").params().get("slug")).isEqualTo("a/b");
        assertThat(app.match("/api/items/a+b").params().get("slug")).isEqualTo("a+b");
        assertThat(app.match("/api/items/%2525").params().get("slug")).isEqualTo("%25");
        assertThat(app.match("/api/catch/a%2Fb/c").params().getAll("slug")).containsExactly("a/b", "c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/items/%ZZ", "/api/items/%", "/api/items/%E0%A4%A", "/api/catch/ok/%C3", "/api/%zz"})
    void malformedEscapesThrow(String path) {
        assertThatThrownBy(() -> app.match(path)).isInstanceOf(MalformedEncodingException.class);
    }

    @Test
    void aMalformedSegmentWhereNothingNeedsDecodingIsJustNoMatch() {
        assertThat(app.match("/api/hello/%ZZ")).isNull();
    }

    @Test
    void rootAndTrailingSlash() {
        RouteTable<String> table = table("/", "/[...slug]");
        assertThat(table.match("/").value()).isEqualTo("/");
        assertThat(table.match("/a/b/").params().getAll("slug")).containsExactly("a", "b");
        assertThat(table("/x").match("/")).isNull();
    }

    @Test
    void matchOrderIsNextsSortedOrder() {
        RouteTable<String> table = table("/blog/[...slug]", "/blog/[slug]", "/blog", "/blog/new", "/[root]", "/");
        assertThat(table.patternsInMatchOrder()).map(RoutePattern::toString)
                .containsExactly("/", "/blog", "/blog/new", "/blog/[slug]", "/blog/[...slug]", "/[root]");
        assertThat(table.size()).isEqualTo(6);
    }

    @Test
    void rejectsWhatItCannotRepresent() {
        assertThatThrownBy(() -> table("/a/[b]", "/a/[c]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("('b' !== 'c')");
        assertThatThrownBy(() -> table("/a/[...b]/c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Catch-all must be the last part of the URL");
    }

    @Test
    void tenOrTenThousandRoutesGiveTheSameAnswers() {
        for (int count : List.of(10, 10_000)) {
            Map<RoutePattern, String> routes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                routes.put(RoutePattern.parse("/r" + i + "/items/[id]"), "items" + i);
                routes.put(RoutePattern.parse("/r" + i + "/static"), "static" + i);
            }
            routes.put(RoutePattern.parse("/[...rest]"), "rest");
            RouteTable<String> table = RouteTable.build(routes);
            assertThat(table.size()).isEqualTo(2 * count + 1);
            for (int i : List.of(0, count / 2, count - 1)) {
                assertThat(table.match("/r" + i + "/items/x%20y").value()).isEqualTo("items" + i);
                assertThat(table.match("/r" + i + "/items/x%20y").params().get("id")).isEqualTo("x y");
                assertThat(table.match("/r" + i + "/static").value()).isEqualTo("static" + i);
            }
            for (int i = 0; i < count; i++) { // every sibling of a large static table, and near misses of each
                assertThat(table.match("/r" + i + "/static").value()).isEqualTo("static" + i);
                assertThat(table.match("/r" + i + "x/static").value()).isEqualTo("rest");
            }
            assertThat(table.match("/r" + count + "/static").value()).isEqualTo("rest");
            assertThat(table.patternsInMatchOrder()).last().hasToString("/[...rest]");
        }
    }
}
