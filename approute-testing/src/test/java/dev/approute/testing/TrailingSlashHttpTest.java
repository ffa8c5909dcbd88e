package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC §17: the showcase app built with {@code "trailingSlash": true} (as the oracle's trailing-slash variant is the
 * same Next.js app built with that flag), served as {@code start} serves it. One test per row.
 */
class TrailingSlashHttpTest {
    private static TestApp app;

    @BeforeAll
    static void start() throws IOException {
        Path copy = Files.createTempDirectory("approute-trailing-slash");
        copyTree(Path.of("../examples/showcase/app"), copy.resolve("app"));
        copyTree(Path.of("../examples/showcase/src"), copy.resolve("src"));
        app = TestApp.builder().root(copy).cached(true).file("approute.json", "{\"trailingSlash\": true}").start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(path -> {
                try {
                    Path target = to.resolve(from.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("location").orElse(null);
    }

    @Test
    void row17_1_aPathWithoutTheSlashIsRedirectedToIt() {
        for (String runtime : new String[] {"node", "edge"}) {
            HttpResponse<String> response = app.get("/runtime/" + runtime);
            assertThat(response.statusCode()).isEqualTo(308);
            assertThat(location(response)).isEqualTo("/runtime/" + runtime + "/");
            assertThat(response.body()).isEqualTo("/runtime/" + runtime + "/");
        }
    }

    @Test
    void row17_2_theSlashIsKeptInRequestUrlAndNextUrl() {
        for (String runtime : new String[] {"node", "edge"}) {
            HttpResponse<String> response = app.get("/runtime/" + runtime + "/");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ShowcaseHttpTest.json(response.body()))
                    .isEqualTo(ShowcaseHttpTest.json("{\"url\":\"/runtime/" + runtime + "/\",\"nextUrl\":\"/runtime/" + runtime + "/\"}"));
        }
    }

    @Test
    void row17_3_methodsOnTheSlashedPath() {
        HttpResponse<String> bare = app.get("/api/hello");
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(location(bare)).isEqualTo("/api/hello/");
        HttpResponse<String> get = app.get("/api/hello/");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("{\"message\":\"Hello World\"}");
        HttpResponse<String> head = app.request("HEAD", "/api/hello/");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        HttpResponse<String> options = app.request("OPTIONS", "/api/hello/");
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("allow")).hasValue("GET, HEAD, OPTIONS");
        HttpResponse<String> post = app.request("POST", "/api/hello/");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD, OPTIONS");
    }

    @Test
    void row17_4_theQueryIsKept() {
        HttpResponse<String> response = app.get("/api/hello?x=1");
        assertThat(response.statusCode()).isEqualTo(308);
        assertThat(location(response)).isEqualTo("/api/hello/?x=1");
    }

    @Test
    void row17_5_doubleSlashInOneHop() {
        HttpResponse<String> response = app.get("/api/hello//");
        assertThat(response.statusCode()).isEqualTo(308);
        assertThat(location(response)).isEqualTo("/api/hello/");
    }

    @Test
    void row17_6_aLastSegmentWithAnExtensionGetsNoSlash() {
        HttpResponse<String> file = app.get("/api/items/file.json");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(ShowcaseHttpTest.json(file.body()).get("params").get("slug").asText()).isEqualTo("file.json");
        HttpResponse<String> fileSlash = app.get("/api/items/file.json/");
        assertThat(fileSlash.statusCode()).isEqualTo(308);
        assertThat(location(fileSlash)).isEqualTo("/api/items/file.json");
        HttpResponse<String> rss = app.get("/rss.xml");
        assertThat(rss.statusCode()).isEqualTo(200);
        assertThat(rss.body()).startsWith("<?xml");
        HttpResponse<String> rssSlash = app.get("/rss.xml/");
        assertThat(rssSlash.statusCode()).isEqualTo(308);
        assertThat(location(rssSlash)).isEqualTo("/rss.xml");
    }

    @Test
    void row17_7_aNonGetIsRedirectedToo() {
        HttpResponse<String> post = app.request("POST", "/api/post-only", Map.of("content-type", "text/plain"), "x");
        assertThat(post.statusCode()).isEqualTo(308);
        assertThat(location(post)).isEqualTo("/api/post-only/");
        HttpResponse<String> slashed = app.request("POST", "/api/post-only/", Map.of("content-type", "text/plain"), "x");
        assertThat(slashed.statusCode()).isEqualTo(201);
        assertThat(slashed.body()).isEqualTo("posted:x");
    }

    @Test
    void row17_8_anUnknownPathIsRedirectedThenNotFound() {
        HttpResponse<String> bare = app.get("/api/nonexistent");
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(location(bare)).isEqualTo("/api/nonexistent/");
        assertThat(app.get("/api/nonexistent/").statusCode()).isEqualTo(404);
    }

    @Test
    void row17_9_aCachedRouteIsServedFromTheCacheWithTheSlashInItsUrl() {
        HttpResponse<String> bare = app.get("/api/static");
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(location(bare)).isEqualTo("/api/static/");
        HttpResponse<String> hit = app.get("/api/static/");
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.headers().firstValue("x-approute-cache")).hasValue("HIT");
        assertThat(ShowcaseHttpTest.json(hit.body()).get("req").get("url").asText()).endsWith("/api/static/");
    }

    @Test
    void wellKnownPathsAreLeftAlone() {
        // Next's redirect excludes /.well-known/...: no slash is added, so the 404 comes at once.
        assertThat(app.get("/.well-known/security").statusCode()).isEqualTo(404);
    }
}
