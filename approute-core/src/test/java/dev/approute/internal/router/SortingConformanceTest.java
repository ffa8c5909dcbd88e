package dev.approute.internal.router;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cases-sorting.json: {@link RouteSorter} against Next's getSortedRoutes, and {@link RouteTable}'s order against both. */
class SortingConformanceTest {
    /**
     * sortPages never throws; getSortedRoutes (and so approute's build) rejects these sets: different slug names at one
     * level (065), a route as specific as an optional catch-all (066), required and optional catch-all side by side (052, 059).
     */
    static final Set<String> SORT_PAGES_REJECTED = Set.of("sort-052", "sort-059", "sort-065", "sort-066");

    static Stream<Arguments> getSortedRoutes() {
        return ConformanceCases.arguments("cases-sorting.json", "getSortedRoutes");
    }

    static Stream<Arguments> sortPages() {
        return ConformanceCases.arguments("cases-sorting.json", "sortPages");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void getSortedRoutes(String id, JsonNode c) {
        List<String> routes = strings(c.get("routes"));
        JsonNode expect = c.get("expect");
        if (expect.has("order")) {
            assertThat(RouteSorter.sortedRoutes(routes)).containsExactlyElementsOf(strings(expect.get("order")));
        } else {
            assertThatThrownBy(() -> RouteSorter.sortedRoutes(routes))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(expect.get("error").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("getSortedRoutes")
    void routeTableTriesPatternsInTheSameOrder(String id, JsonNode c) {
        JsonNode expect = c.get("expect");
        if (!expect.has("order") || id.equals("sort-049")) {
            return; // errors are the validator's (see ConflictsConformanceTest); "[]" is not a RoutePattern
        }
        List<String> order = strings(expect.get("order"));
        assertThat(table(order).patternsInMatchOrder()).map(RoutePattern::toString).containsExactlyElementsOf(order);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void sortPages(String id, JsonNode c) {
        List<String> routes = strings(c.get("routes"));
        // Same relative order; duplicates collapse in the trie.
        List<String> expected = new ArrayList<>(new LinkedHashSet<>(strings(c.get("expect").get("order"))));
        if (SORT_PAGES_REJECTED.contains(id)) {
            assertThatThrownBy(() -> RouteSorter.sortedRoutes(routes)).isInstanceOf(IllegalArgumentException.class);
            if (!id.equals("sort-065")) { // the table can hold these (unvalidated); it must still try them in Next's order
                assertThat(table(routes).patternsInMatchOrder()).map(RoutePattern::toString).containsExactlyElementsOf(expected);
            }
            return;
        }
        assertThat(RouteSorter.sortedRoutes(routes)).containsExactlyElementsOf(expected);
        assertThat(table(routes).patternsInMatchOrder()).map(RoutePattern::toString).containsExactlyElementsOf(expected);
    }

    private static RouteTable<String> table(List<String> routes) {
        Map<RoutePattern, String> map = new LinkedHashMap<>();
        routes.forEach(route -> map.put(RoutePattern.parse(route), route));
        return RouteTable.build(map);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
