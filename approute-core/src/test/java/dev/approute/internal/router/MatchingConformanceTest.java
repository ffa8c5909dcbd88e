package dev.approute.internal.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.approute.internal.app.AppLayout;
import dev.approute.internal.util.PercentDecoding.MalformedEncodingException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cases-matching.json: every kind (param, table, server, request-normalization, segment-parse). */
class MatchingConformanceTest {
    /** Interception markers ((.)x, (..)x) are a Next page feature: approute refuses such folders at scan time. */
    static final Set<String> INTERCEPTION = Set.of("match-001", "match-002", "match-003", "match-004", "match-005",
            "match-006", "match-013", "match-014", "match-018");
    /** Malformed %-escapes: Next's code means 400 (its server answered 500); approute throws MalformedEncodingException = 400. */
    static final Set<String> MALFORMED_400 = Set.of("match-058", "match-059", "match-060", "match-061", "match-062",
            "match-134", "match-135", "match-136", "match-137");
    /** app/café/ is reachable at /caf%C3%A9 (RFC 3986 §6.2.2.2); Next answered 404. */
    static final Set<String> DECODED_STATIC = Set.of("match-163");
    /**
     * The scanner alone cannot see generateSitemaps: its fixture entry is /product/sitemap.xml. Once loaded, the module
     * serves /product/sitemap/[__metadata_id__] (ids as "1.xml"), tested over HTTP in MetadataRoutesHttpTest.
     */
    static final Set<String> NO_GENERATE_SITEMAPS = Set.of("match-171");
    /** [[x]] and prefix[x]suffix folders are refused by approute (Next's parseParameter reads them). */
    static final Set<String> SEGMENT_REFUSED = Set.of("match-080", "match-084");

    @TempDir
    static Path fixtureRoot;
    private static RouteTable<AppEntry> fixture;
    private static AppLayout fixtureLayout;

    @BeforeAll
    static void buildServerFixture() throws IOException {
        JsonNode first = ConformanceCases.load("cases-matching.json", "server").get(0);
        List<String> files = new ArrayList<>();
        first.get("fixture").forEach(file -> files.add(ConformanceCases.approuteFile(file.asText())));
        ConformanceCases.materialize(fixtureRoot, files);
        fixtureLayout = new AppLayout(fixtureRoot);
        ScanResult scan = AppScanner.scan(fixtureLayout);
        assertThat(scan.problems()).isEmpty();
        assertThat(RouteValidator.validate(scan.entries(), fixtureLayout)).isEmpty();
        Map<RoutePattern, AppEntry> routes = new LinkedHashMap<>();
        scan.entries().forEach(entry -> routes.put(entry.pattern(), entry));
        fixture = RouteTable.build(routes);
    }

    static Stream<Arguments> param() {
        return ConformanceCases.arguments("cases-matching.json", "param");
    }

    static Stream<Arguments> table() {
        return ConformanceCases.arguments("cases-matching.json", "table");
    }

    static Stream<Arguments> server() {
        return ConformanceCases.arguments("cases-matching.json", "server");
    }

    static Stream<Arguments> requestNormalization() {
        return ConformanceCases.arguments("cases-matching.json", "request-normalization");
    }

    static Stream<Arguments> segmentParse() {
        return ConformanceCases.arguments("cases-matching.json", "segment-parse");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void param(String id, JsonNode c, @TempDir Path app) throws IOException {
        String route = c.get("route").asText();
        String path = c.get("path").asText();
        JsonNode expect = c.get("expect");
        if (INTERCEPTION.contains(id)) {
            ConformanceCases.materialize(app, List.of("app" + route + "/route.java"));
            assertThat(AppScanner.scan(new AppLayout(app)).problems())
                    .anySatisfy(problem -> assertThat(problem.message()).contains("Intercepting routes").contains("approute does not have"));
            return;
        }
        RouteTable<String> table = RouteTable.build(Map.of(RoutePattern.parse(route), route));
        if (expect.isNull()) {
            assertThat(table.match(path)).isNull();
        } else if (expect.has("error")) {
            assertThat(MALFORMED_400).contains(id);
            assertThatThrownBy(() -> table.match(path)).isInstanceOf(MalformedEncodingException.class);
        } else {
            RouteMatch<String> match = table.match(path);
            assertThat(match).isNotNull();
            assertThat(new TreeMap<>(match.params().toMap())).isEqualTo(ConformanceCases.params(expect.get("params")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void table(String id, JsonNode c) {
        Map<RoutePattern, String> routes = new LinkedHashMap<>();
        c.get("routes").forEach(route -> routes.put(RoutePattern.parse(route.asText()), route.asText()));
        JsonNode expect = c.get("expect");
        if (expect.has("error")) {
            String error = expect.get("error").asText().replace("Error: ", "");
            assertThatThrownBy(() -> RouteTable.build(routes)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(error.substring(0, error.length() - 1)); // ours goes on after the closing ')'
            assertThatThrownBy(() -> RouteSorter.sortedRoutes(List.copyOf(routes.values()))).hasMessage(error);
            return;
        }
        RouteMatch<String> match = RouteTable.build(routes).match(c.get("path").asText());
        assertThat(match.value()).isEqualTo(expect.get("route").asText());
        assertThat(new TreeMap<>(match.params().toMap())).isEqualTo(ConformanceCases.params(expect.get("params")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void server(String id, JsonNode c) {
        String target = c.get("path").asText();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q);
        boolean trailingSlash = c.get("config").path("trailingSlash").asBoolean(false);
        JsonNode expect = c.get("expect");
        int status = expect.get("status").asInt();

        CanonicalPath canonical = PathCanonicalizer.canonicalize(path, trailingSlash);
        if (status == 308) {
            assertThat(canonical).isInstanceOf(CanonicalPath.Redirect.class);
            assertThat(((CanonicalPath.Redirect) canonical).path() + query).isEqualTo(expect.get("location").asText());
            return;
        }
        if (MALFORMED_400.contains(id)) {
            // The canonical step refuses it (400) before anything matches; the table would throw too.
            assertThat(status).isEqualTo(500);
            assertThat(canonical).isInstanceOf(CanonicalPath.Invalid.class);
            assertThatThrownBy(() -> fixture.match(path)).isInstanceOf(MalformedEncodingException.class);
            return;
        }
        assertThat(canonical).isInstanceOf(CanonicalPath.Ok.class);
        String ok = ((CanonicalPath.Ok) canonical).path();
        RouteMatch<AppEntry> match = fixture.match(ok);
        if (DECODED_STATIC.contains(id)) {
            assertThat(status).isEqualTo(404);
            assertThat(relative(match.value())).isEqualTo("app/café/route.java");
            return;
        }
        if (NO_GENERATE_SITEMAPS.contains(id)) {
            assertThat(status).isEqualTo(200);
            assertThat(match).isNull();
            assertThat(fixture.match("/product/sitemap.xml").value().kind()).isEqualTo(EntryKind.METADATA);
            return;
        }
        if (status == 404) {
            assertThat(match).isNull();
            return;
        }
        assertThat(status).isEqualTo(200);
        assertThat(match).isNotNull();
        if (expect.has("route_file")) {
            assertThat(relative(match.value())).isEqualTo(ConformanceCases.approuteFile(expect.get("route_file").asText()));
            assertThat(new TreeMap<>(match.params().toMap())).isEqualTo(ConformanceCases.params(expect.get("params")));
        } else {
            assertThat(match.value().kind()).isEqualTo(EntryKind.METADATA);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void requestNormalization(String id, JsonNode c) {
        String target = c.get("path").asText();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q);
        boolean trailingSlash = c.get("config").path("trailingSlash").asBoolean(false);
        JsonNode redirect = c.get("expect").get("redirect");
        CanonicalPath canonical = PathCanonicalizer.canonicalize(path, trailingSlash);
        if (redirect.isNull()) {
            assertThat(canonical).isEqualTo(new CanonicalPath.Ok(path));
        } else {
            assertThat(redirect.get("status").asInt()).isEqualTo(308);
            assertThat(canonical).isInstanceOf(CanonicalPath.Redirect.class);
            assertThat(((CanonicalPath.Redirect) canonical).path() + query).isEqualTo(redirect.get("location").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void segmentParse(String id, JsonNode c) {
        String segment = c.get("segment").asText();
        JsonNode expect = c.get("expect");
        if (SEGMENT_REFUSED.contains(id)) {
            assertThatThrownBy(() -> SegmentSyntax.parse(segment, "/" + segment))
                    .isInstanceOf(SegmentSyntax.InvalidSegmentException.class)
                    .satisfies(e -> assertThat(((SegmentSyntax.InvalidSegmentException) e).fix()).isNotBlank());
            return;
        }
        Segment parsed = segment.contains("[") ? SegmentSyntax.parse(segment, "/" + segment) : RoutePattern.parseSegment(segment);
        String key = expect.get("key").asText();
        boolean repeat = expect.get("repeat").asBoolean();
        boolean optional = expect.get("optional").asBoolean();
        assertThat(parsed.value()).isEqualTo(key);
        SegmentKind kind = !segment.contains("[") ? SegmentKind.STATIC
                : repeat ? (optional ? SegmentKind.OPTIONAL_CATCH_ALL : SegmentKind.CATCH_ALL) : SegmentKind.DYNAMIC;
        assertThat(parsed.kind()).isEqualTo(kind);
    }

    private static String relative(AppEntry entry) {
        return fixtureLayout.relative(entry.file()).toString().replace('\\', '/');
    }
}
