package dev.approute.internal.router;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathCanonicalizerTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // SPEC 16.5: dot segments (percent-encoded too) are resolved and served without a redirect
            "/api/items/../hello, /api/hello",
            "/api/items/%2e%2e/hello, /api/hello",
            "/api/items/%2E%2e/hello, /api/hello",
            "/api/items/.%2E/hello, /api/hello",
            "/api/./hello, /api/hello",
            "/api/%2e/hello, /api/hello",
            "/../api/hello, /api/hello",
            "/api/hello, /api/hello",
            "/, /",
            "/api/items/a%2Fb, /api/items/a%2Fb",
            "/api/hello;jsessionid=1, /api/hello;jsessionid=1",
            "/a..b/.c, /a..b/.c",
            "/./, /",
            // RFC 3986 §6.2.2: unreserved escapes decoded, the others' hex upper-cased, reserved ones kept
            "/%61dmin, /admin",
            "/%5Funder/%7Euser/%2D%2e%30, /_under/~user/-.0",
            "/caf%c3%a9/a%2fb, /caf%C3%A9/a%2Fb",
            "/x/%2e%2E/%61pi, /api",
            "/a%20b%3Bc, /a%20b%3Bc",
            "/%2561, /%2561",
    })
    void served(String raw, String path) {
        assertThat(PathCanonicalizer.canonicalize(raw)).isEqualTo(new CanonicalPath.Ok(path));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/hello/, /api/hello",      // 16.1
            "//api/hello, /api/hello",      // 16.3
            "/api//hello, /api/hello",
            "/api/hello//, /api/hello",     // 16.4, in one hop where Next needs two
            "/api/items/%2E%2E, /api",      // 16.6
            "/api/items/.., /api",
            "/api\\hello, /api/hello",
            "/api/items/a%2Fb/, /api/items/a%2Fb",
            "//, /",
            "/%61pi/hello/, /api/hello",
    })
    void redirected(String raw, String path) {
        assertThat(PathCanonicalizer.canonicalize(raw)).isEqualTo(new CanonicalPath.Redirect(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api/hello", "*", "http://localhost/api", "/api/hello/%ZZ", "/api/%", "/%E0%A4%A/x",
            "/api/catch/ok/%C3", "/x/../%zz", "/a%2/b"})
    void invalid(String raw) {
        assertThat(PathCanonicalizer.canonicalize(raw)).isInstanceOf(CanonicalPath.Invalid.class);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "/api, Redirect, /api/",
            "/api/, Ok, /api/",
            "/api/hello//, Redirect, /api/hello/",
            "/rss.xml, Ok, /rss.xml",
            "/rss.xml/, Redirect, /rss.xml",
            "/a/b.c/d, Redirect, /a/b.c/d/",
            "/.well-known/x, Ok, /.well-known/x",
            "/.well-known/x/, Ok, /.well-known/x/",
            "/, Ok, /",
    })
    void trailingSlashTrue(String raw, String kind, String path) {
        CanonicalPath expected = kind.equals("Ok") ? new CanonicalPath.Ok(path) : new CanonicalPath.Redirect(path);
        assertThat(PathCanonicalizer.canonicalize(raw, true)).isEqualTo(expected);
    }
}
