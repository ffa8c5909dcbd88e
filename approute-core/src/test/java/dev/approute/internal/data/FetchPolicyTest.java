package dev.approute.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The whole fetchCache x fetch-option matrix, written out by hand from Next's docs and patch-fetch.ts (with
 * approute's two documented differences: force-no-store wins over force-cache; only-cache rejects revalidate(0)).
 * Cells: "forever", a number of seconds, "skip" (not cached, the response stays cacheable), "no-store" (not cached,
 * opted out: a revalidating response is not stored), "error".
 */
class FetchPolicyTest {
    private static final String FETCH = "Fetch GET https://api.example.com/posts";

    /** A fetch's options, as a column of the table. */
    private record Options(String name, String cache, DataRevalidate revalidate) {
    }

    private static final List<Options> COLUMNS = List.of(
            new Options("none", null, null),
            new Options("default", "default", null),
            new Options("force-cache", "force-cache", null),
            new Options("no-store", "no-store", null),
            new Options("no-cache", "no-cache", null),
            new Options("revalidate 0", null, DataRevalidate.seconds(0)),
            new Options("revalidate 60", null, DataRevalidate.seconds(60)),
            new Options("revalidate false", null, DataRevalidate.NEVER),
            new Options("force-cache + 60", "force-cache", DataRevalidate.seconds(60)));

    //                                  none       default    force-cache no-store    no-cache    reval 0     reval 60 reval false fc+60
    private static final Map<String, List<String>> GET_ON_ISR_30 = table(
            "auto",             List.of("skip",     "skip",     "forever", "no-store", "no-store", "no-store", "60", "forever", "60"),
            "default-cache",    List.of("forever",  "forever",  "forever", "no-store", "no-store", "no-store", "60", "forever", "60"),
            "only-cache",       List.of("30",       "30",       "forever", "error",    "error",    "error",    "60", "forever", "60"),
            "force-cache",      List.of("forever",  "forever",  "forever", "forever",  "forever",  "forever",  "60", "forever", "60"),
            "default-no-store", List.of("no-store", "no-store", "forever", "no-store", "no-store", "no-store", "60", "forever", "60"),
            "only-no-store",    List.of("no-store", "no-store", "error",   "no-store", "no-store", "no-store", "error", "error", "error"),
            "force-no-store",   List.of("no-store", "no-store", "no-store", "no-store", "no-store", "no-store", "no-store", "no-store", "no-store"));

    private static Map<String, List<String>> table(Object... rows) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> cells = (List<String>) rows[i + 1];
            table.put((String) rows[i], cells);
        }
        return table;
    }

    private static String cell(String fetchCache, Integer routeRevalidate, Options options, boolean plainRequest) {
        DataRoute route = new DataRoute("app/api/posts/route.java", fetchCache, "auto", routeRevalidate);
        try {
            FetchPolicy.Decision decision = FetchPolicy.decide(route, options.cache(), options.revalidate(), plainRequest, FETCH);
            if (decision.cached()) {
                return decision.revalidateSeconds() == null ? "forever" : decision.revalidateSeconds().toString();
            }
            return decision.optedOut() ? "no-store" : "skip";
        } catch (IllegalStateException e) {
            return "error";
        }
    }

    @Test
    void everyFetchCacheValueAgainstEveryFetchOptionForAPlainGet() {
        assertThat(GET_ON_ISR_30.keySet()).containsExactlyElementsOf(FetchPolicy.FETCH_CACHE_VALUES);
        List<String> mismatches = new ArrayList<>();
        GET_ON_ISR_30.forEach((fetchCache, expected) -> {
            for (int column = 0; column < COLUMNS.size(); column++) {
                String actual = cell(fetchCache, 30, COLUMNS.get(column), true);
                if (!actual.equals(expected.get(column))) {
                    mismatches.add(fetchCache + " x " + COLUMNS.get(column).name() + ": expected " + expected.get(column)
                            + ", got " + actual);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void routeLevelDefaultsNeverCacheAPostOrACredentialedRequestButExplicitOptionsDo() {
        for (String fetchCache : List.of("default-cache", "only-cache")) {
            assertThat(cell(fetchCache, 30, COLUMNS.get(0), false)).as(fetchCache).isEqualTo("skip");
            assertThat(cell(fetchCache, 30, COLUMNS.get(1), false)).as(fetchCache).isEqualTo("skip");
            assertThat(cell(fetchCache, 30, COLUMNS.get(2), false)).as(fetchCache).isEqualTo("forever");
            assertThat(cell(fetchCache, 30, COLUMNS.get(6), false)).as(fetchCache).isEqualTo("60");
        }
        assertThat(cell("force-cache", 30, COLUMNS.get(0), false)).isEqualTo("forever");
        assertThat(cell("auto", 30, COLUMNS.get(2), false)).isEqualTo("forever");
    }

    @Test
    void onlyCacheDefaultsToForeverOnARouteThatDoesNotRevalidate() {
        assertThat(cell("only-cache", null, COLUMNS.get(0), true)).isEqualTo("forever");
        assertThat(cell("only-cache", 0, COLUMNS.get(0), true)).isEqualTo("forever");
    }

    @Test
    void plainMeansGetOrHeadWithoutAuthorizationOrCookie() {
        var headers = dev.approute.Headers.of("accept", "application/json");
        java.net.URI uri = java.net.URI.create("https://api.example.com/x");
        java.time.Duration timeout = java.time.Duration.ofSeconds(1);
        assertThat(new FetchRequest("GET", uri, headers, null, null, null, null, timeout).plain()).isTrue();
        assertThat(new FetchRequest("HEAD", uri, headers, null, null, null, null, timeout).plain()).isTrue();
        assertThat(new FetchRequest("POST", uri, headers, null, null, null, null, timeout).plain()).isFalse();
        assertThat(new FetchRequest("GET", uri, dev.approute.Headers.of("Authorization", "Bearer x"), null, null, null, null,
                timeout).plain()).isFalse();
        assertThat(new FetchRequest("GET", uri, dev.approute.Headers.of("Cookie", "a=1"), null, null, null, null,
                timeout).plain()).isFalse();
    }

    @Test
    void conflictsNameTheRouteFileTheFetchTheOptionAndTheFix() {
        DataRoute onlyNoStore = new DataRoute("app/api/live/route.java", "only-no-store", "auto", null);
        assertThatThrownBy(() -> FetchPolicy.decide(onlyNoStore, "force-cache", null, true, FETCH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app/api/live/route.java")
                .hasMessageContaining(FETCH)
                .hasMessageContaining("cache(\"force-cache\")")
                .hasMessageContaining("fetchCache = \"only-no-store\"")
                .hasMessageContaining("fix:");
        DataRoute onlyCache = new DataRoute("app/api/cached/route.java", "only-cache", "auto", null);
        assertThatThrownBy(() -> FetchPolicy.decide(onlyCache, "no-store", null, true, FETCH))
                .hasMessageContaining("app/api/cached/route.java")
                .hasMessageContaining("cache(\"no-store\")")
                .hasMessageContaining("fetchCache = \"only-cache\"");
    }

    @Test
    void contradictingOptionsOfOneFetchAreRefusedWhereverTheRouteStands() {
        DataRoute auto = new DataRoute("app/x/route.java", "auto", "auto", null);
        assertThatThrownBy(() -> FetchPolicy.decide(auto, "force-cache", DataRevalidate.seconds(0), true, FETCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contradict");
        assertThatThrownBy(() -> FetchPolicy.decide(auto, "no-store", DataRevalidate.seconds(60), true, FETCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FetchPolicy.decide(auto, "no-cache", DataRevalidate.NEVER, true, FETCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FetchPolicy.decide(auto, "no-store", DataRevalidate.seconds(0), true, FETCH).cached()).isFalse();
    }
}
