package dev.approute.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.approute.Response;
import dev.approute.RouteContext;
import dev.approute.internal.app.AppLayout;
import dev.approute.internal.compile.HttpMethod;

/** dev's reload: an edit reaches the next requests, a compile error is served, fixing it recovers. */
class DevRoutesTest {
    @TempDir
    Path app;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Test
    void editsAreServedAndErrorsReportedThenRecovered() throws Throwable {
        write("app/api/a/route.java", "class Route { static Response GET() { return Response.text(\"one\"); } }");
        write("app/api/b/route.java", "class Route { static Response GET() { return Response.text(\"b\"); } }");
        try (DevRoutes routes = new DevRoutes(new AppLayout(app), log::add)) {
            assertThat(body(routes, "/api/a")).isEqualTo("one");

            write("app/api/a/route.java", "class Route { static Response GET() { return Response.text(\"two\"); } }");
            awaitBody(routes, "/api/a", "two");
            assertThat(log).anyMatch(line -> line.contains("recompiled [app/api/a]"));
            assertThat(body(routes, "/api/b")).isEqualTo("b");

            write("app/api/a/route.java", "class Route { static Response GET() { return Response.nope(); } }");
            awaitBroken(routes);
            assertThat(routes.get().problems()).anyMatch(problem -> problem.format().startsWith("app/api/a/route.java:1:"));

            write("app/api/a/route.java", "class Route { static Response GET() { return Response.text(\"three\"); } }");
            awaitBody(routes, "/api/a", "three");
        }
    }

    @Test
    void aNewRouteFolderIsPickedUp() throws Throwable {
        write("app/api/a/route.java", "class Route { static Response GET() { return Response.text(\"a\"); } }");
        try (DevRoutes routes = new DevRoutes(new AppLayout(app), log::add)) {
            write("app/api/new/route.java", "class Route { static Response GET() { return Response.text(\"new\"); } }");
            awaitBody(routes, "/api/new", "new");
        }
    }

    @Test
    void aMetadataRouteAndTheRouteBesideItFollowEdits() throws Throwable {
        String route = "class Route { static Response GET() { return Response.text(Shared.NAME); } }";
        write("app/Shared.java", "class Shared { static final String NAME = \"one\"; }");
        write("app/route.java", route);
        write("app/robots.java", "class Robots { static MetadataRoute.Robots robots() { return MetadataRoute.Robots.of().host(Shared.NAME); } }");
        try (DevRoutes routes = new DevRoutes(new AppLayout(app), log::add)) {
            assertThat(body(routes, "/robots.txt")).isEqualTo("Host: one\n");

            write("app/Shared.java", "class Shared { static final String NAME = \"two\"; }");
            awaitBody(routes, "/robots.txt", "Host: two\n");
            assertThat(body(routes, "/")).isEqualTo("two");

            write("app/robots.java", "class Robots { static MetadataRoute.Robots robots() { return MetadataRoute.Robots.of().host(\"three\"); } }");
            awaitBody(routes, "/robots.txt", "Host: three\n");
        }
    }

    @Test
    void approuteJsonEditsApplyAndItsProblemsAreServed() throws Throwable {
        write("app/api/a/route.java", "class Route { static Response GET() { return Response.text(\"a\"); } }");
        try (DevRoutes routes = new DevRoutes(new AppLayout(app), log::add)) {
            assertThat(routes.get().rules().config().trailingSlash()).isFalse();
            write("approute.json", "{\"trailingSlash\": true}");
            awaitTrailingSlash(routes, true);
            write("approute.json", "{\"trailingSlash\": \"yes\"}");
            awaitBroken(routes);
            assertThat(routes.get().problems()).anyMatch(problem -> problem.format().startsWith("approute.json:1: `trailingSlash`"));
            write("approute.json", "{}");
            awaitBody(routes, "/api/a", "a");
            assertThat(routes.get().rules().config().trailingSlash()).isFalse();
        }
    }

    private static void awaitTrailingSlash(DevRoutes routes, boolean expected) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (routes.get().rules().config().trailingSlash() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(routes.get().rules().config().trailingSlash()).isEqualTo(expected);
    }

    private void write(String relative, String content) throws Exception {
        Path file = app.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String body(Supplier<AppRoutes> routes, String path) throws Throwable {
        AppRoutes current = routes.get();
        if (current.broken()) {
            return null;
        }
        var match = current.table().match(path);
        if (match == null) {
            return null;
        }
        Response response = (Response) match.value().methods().handler(HttpMethod.GET).handle(null, new RouteContext(match.params()));
        return new String(((Response.Bytes) response.body()).data(), StandardCharsets.UTF_8);
    }

    // The watcher reacts within milliseconds; the bound only keeps a broken build from hanging the suite.
    private static void awaitBody(DevRoutes routes, String path, String expected) throws Throwable {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String body = body(routes, path);
        while (!expected.equals(body) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            body = body(routes, path);
        }
        assertThat(body).isEqualTo(expected);
    }

    private static void awaitBroken(DevRoutes routes) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!routes.get().broken() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(routes.get().broken()).isTrue();
    }
}
