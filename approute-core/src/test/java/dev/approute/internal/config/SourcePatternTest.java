package dev.approute.internal.config;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourcePatternTest {
    private static Map<String, String> match(String source, String path) throws Exception {
        return SourcePattern.compile(source).match(path);
    }

    @Test
    void literalsMatchWholeSegmentsCaseInsensitivelyAsNextDoes() throws Exception {
        assertThat(match("/api/cors-config", "/api/cors-config")).isEmpty();
        assertThat(match("/api/cors-config", "/API/Cors-Config")).isEmpty();
        assertThat(match("/api/cors-config", "/api/cors-config/")).isEmpty();   // trailingSlash: true paths
        assertThat(match("/api/cors-config", "/api/cors-configs")).isNull();
        assertThat(match("/api/cors-config", "/api")).isNull();
        assertThat(match("/api/cors-config", "/api/cors-config/x")).isNull();
        assertThat(match("/", "/")).isEmpty();
        assertThat(match("/", "/a")).isNull();
    }

    @Test
    void namedParameterTakesOneSegmentRaw() throws Exception {
        assertThat(match("/blog/:slug", "/blog/hello%20world")).containsExactly(Map.entry("slug", "hello%20world"));
        assertThat(match("/blog/:slug", "/blog")).isNull();
        assertThat(match("/blog/:slug", "/blog/a/b")).isNull();
        assertThat(match("/:a/x/:b", "/1/x/2")).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void optionalParameterTakesZeroOrOneSegment() throws Exception {
        assertThat(match("/docs/:page?", "/docs")).containsExactly(Map.entry("page", ""));
        assertThat(match("/docs/:page?", "/docs/intro")).containsExactly(Map.entry("page", "intro"));
        assertThat(match("/docs/:page?", "/docs/a/b")).isNull();
    }

    @Test
    void starTakesZeroOrMoreSegmentsJoinedWithSlash() throws Exception {
        assertThat(match("/api/cors-config/:path*", "/api/cors-config")).containsExactly(Map.entry("path", ""));
        assertThat(match("/api/cors-config/:path*", "/api/cors-config/missing")).containsExactly(Map.entry("path", "missing"));
        assertThat(match("/api/cors-config/:path*", "/api/cors-config/a/b/c")).containsExactly(Map.entry("path", "a/b/c"));
        assertThat(match("/api/cors-config/:path*", "/api/other")).isNull();
        assertThat(match("/:path*", "/")).containsExactly(Map.entry("path", ""));
    }

    @Test
    void plusTakesOneOrMoreSegments() throws Exception {
        assertThat(match("/files/:path+", "/files")).isNull();
        assertThat(match("/files/:path+", "/files/a")).containsExactly(Map.entry("path", "a"));
        assertThat(match("/files/:path+", "/files/a/b")).containsExactly(Map.entry("path", "a/b"));
    }

    @Test
    void repeatsGiveBackSegmentsSoThatLaterLiteralsMatch() throws Exception {
        assertThat(match("/:path*/edit", "/a/b/edit")).containsExactly(Map.entry("path", "a/b"));
        assertThat(match("/:path*/edit", "/edit")).containsExactly(Map.entry("path", ""));
        assertThat(match("/:path+/edit", "/edit")).isNull();
        assertThat(match("/:a*/x/:b*", "/1/x/2/x/3")).containsExactly(Map.entry("a", "1/x/2"), Map.entry("b", "3"));
    }

    @Test
    void regexCatchAllFormsMeanZeroOrMore() throws Exception {
        assertThat(match("/(.*)", "/")).isEmpty();
        assertThat(match("/(.*)", "/any/thing")).isEmpty();   // unnamed: matched, not captured
        assertThat(match("/blog/:rest(.*)", "/blog/a/b")).containsExactly(Map.entry("rest", "a/b"));
        assertThat(SourcePattern.compile("/(.*)").paramNames()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/post/:id(\\d+)", "/:locale(en|fr)/about", "/blog-:slug", "/:slug.html", "/a/(b)", "/a{-b}?",
            "/a/b?", "/a/*", "/a/:", "/a/:x**"})
    void unsupportedSyntaxIsRefusedWithTheSupportedList(String source) {
        assertThatThrownBy(() -> SourcePattern.compile(source))
                .isInstanceOf(SourcePattern.InvalidPatternException.class)
                .hasMessageContaining(source)
                .hasMessageMatching("(?s).*(:name|parameter name).*");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"api/x, must start with", "'', must start with", "/:a/:a, twice"})
    void badSourcesSayWhy(String source, String reason) {
        assertThatThrownBy(() -> SourcePattern.compile(source)).hasMessageContaining(reason);
    }

    @Test
    void matchesAgreesWithMatch() throws Exception {
        SourcePattern pattern = SourcePattern.compile("/api/:path*");
        assertThat(pattern.matches("/api/a")).isTrue();
        assertThat(pattern.matches("/other")).isFalse();
    }

    @Test
    void asRouterLiteralsCompareWithTheDecodedSegmentCaseSensitively() throws Exception {
        SourcePattern admin = SourcePattern.compileAsRouter("/admin/:path*");
        assertThat(admin.match("/admin/a/b")).containsExactly(Map.entry("path", "a/b"));
        assertThat(admin.matches("/%61dmin")).isTrue();              // the router serves app/admin here too
        assertThat(admin.matches("/%61%64%6D%69%6E/x")).isTrue();
        assertThat(admin.matches("/ADMIN")).isFalse();               // ...and not here
        assertThat(admin.matches("/Admin/x")).isFalse();
        assertThat(admin.matches("/admin;x")).isFalse();
        assertThat(admin.matches("/admin%2Fx")).isFalse();           // one segment "admin/x": no static route either
        assertThat(admin.matches("/adminx")).isFalse();
        assertThat(SourcePattern.compileAsRouter("/caf%C3%A9").matches("/caf%c3%a9")).isTrue();
        assertThat(SourcePattern.compileAsRouter("/café").matches("/caf%C3%A9")).isTrue();
        assertThat(SourcePattern.compile("/admin").matches("/ADMIN")).isTrue();   // approute.json sources stay as Next's
    }

    @Test
    void asRouterRefusesLiteralsNoSegmentCanMatch() {
        assertThatThrownBy(() -> SourcePattern.compileAsRouter("/a%2Fb")).hasMessageContaining("decodes to text with `/`");
        assertThatThrownBy(() -> SourcePattern.compileAsRouter("/a%ZZ")).hasMessageContaining("malformed percent-escape");
    }
}
