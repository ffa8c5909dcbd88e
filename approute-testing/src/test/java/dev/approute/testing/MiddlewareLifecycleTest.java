package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.compile.BuildManifest;
import dev.approute.internal.runtime.AppAssembler;
import dev.approute.internal.runtime.AppRoutes;
import dev.approute.internal.runtime.DevRoutes;
import dev.approute.internal.runtime.Dispatcher;
import dev.approute.internal.runtime.ErrorResponses;
import dev.approute.internal.server.HttpServer;
import dev.approute.internal.server.ServerOptions;

/** middleware.java through build and start (the manifest, stale builds) and through dev (added, edited, broken, removed). */
class MiddlewareLifecycleTest {
    @TempDir
    Path root;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient client = HttpClient.newHttpClient();

    private static String middleware(String version) {
        return "class Middleware {\n    static final String matcher = \"/api/:path*\";\n"
                + "    static Response handle(Request request, Next next) {\n"
                + "        return next.next().with(init -> init.header(\"x-mw\", \"" + version + "\"));\n    }\n}\n";
    }

    private void write(String relative, String content) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private HttpServer serve(Supplier<AppRoutes> routes, boolean dev) {
        Dispatcher dispatcher = new Dispatcher(routes, new ErrorResponses(new AppLayout(root), dev, log::add));
        return HttpServer.start(ServerOptions.of("127.0.0.1", 0), dispatcher, null);
    }

    private HttpResponse<String> get(HttpServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void buildWritesItIntoTheManifestAndStartServesItWithoutACompiler() throws Exception {
        write("app/api/a/route.java", "class Route { static Response GET() { return Response.text(\"a\"); } }");
        write("middleware.java", middleware("built"));
        AppLayout layout = new AppLayout(root);
        new AppAssembler(layout).compileAndLoad();
        assertThat(Files.readString(layout.manifestFile())).contains("\"middleware\"").contains("approute.middleware.Middleware");
        assertThat(BuildManifest.read(layout).inputs()).containsKey("middleware.java");

        AppAssembler.Built started = new AppAssembler(layout).loadBuilt();
        try (HttpServer server = serve(started::routes, false)) {
            HttpResponse<String> response = get(server, "/api/a");
            assertThat(response.body()).isEqualTo("a");
            assertThat(response.headers().firstValue("x-mw")).hasValue("built");
        }

        write("middleware.java", middleware("edited"));
        assertThat(BuildManifest.staleness(layout)).singleElement().asString().startsWith("middleware.java changed since the last build");
        Files.delete(root.resolve("middleware.java"));
        assertThat(BuildManifest.staleness(layout)).singleElement().asString().startsWith("middleware.java was deleted since the last build");
    }

    @Test
    void aMiddlewareAddedAfterTheBuildMakesItStale() throws Exception {
        write("app/api/a/route.java", "class Route { static Response GET() { return Response.text(\"a\"); } }");
        AppLayout layout = new AppLayout(root);
        new AppAssembler(layout).compileAndLoad();
        assertThat(BuildManifest.staleness(layout)).isEmpty();
        write("middleware.java", middleware("late"));
        assertThat(BuildManifest.staleness(layout)).singleElement().asString().startsWith("middleware.java was added since the last build");
    }

    @Test
    void devPicksUpAddedEditedBrokenAndRemovedMiddleware() throws Exception {
        write("app/api/a/route.java", "class Route { static Response GET() { return Response.text(\"a\"); } }");
        try (DevRoutes routes = new DevRoutes(new AppLayout(root), log::add); HttpServer server = serve(routes, true)) {
            assertThat(get(server, "/api/a").headers().firstValue("x-mw")).isEmpty();

            write("middleware.java", middleware("one"));
            await(server, response -> response.headers().firstValue("x-mw").orElse("").equals("one"));

            write("middleware.java", middleware("two"));
            await(server, response -> response.headers().firstValue("x-mw").orElse("").equals("two"));

            write("middleware.java", "class Middleware {\n    static Response handle(Request request, Next next) {\n        return next.nope();\n    }\n}\n");
            HttpResponse<String> broken = await(server, response -> response.statusCode() == 500);
            assertThat(broken.body()).contains("middleware.java:3:");

            write("middleware.java", middleware("three"));
            await(server, response -> response.headers().firstValue("x-mw").orElse("").equals("three"));

            Files.delete(root.resolve("middleware.java"));
            HttpResponse<String> without = await(server, response -> response.statusCode() == 200
                    && response.headers().firstValue("x-mw").isEmpty());
            assertThat(without.body()).isEqualTo("a");
        }
    }

    // The watcher reacts within milliseconds; the bound only keeps a broken rebuild from hanging the suite.
    private HttpResponse<String> await(HttpServer server, Predicate<HttpResponse<String>> condition) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        HttpResponse<String> response = get(server, "/api/a");
        while (!condition.test(response) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            response = get(server, "/api/a");
        }
        assertThat(condition).as("last answer: " + response.statusCode() + " " + response.headers().map() + " " + response.body())
                .accepts(response);
        return response;
    }
}
