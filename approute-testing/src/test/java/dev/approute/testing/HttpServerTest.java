package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.approute.Response;
import dev.approute.internal.compile.HttpMethod;
import dev.approute.internal.compile.RouteHandler;
import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.compile.SegmentConfig;
import dev.approute.internal.router.AppEntry;
import dev.approute.internal.router.EntryKind;
import dev.approute.internal.router.RoutePattern;
import dev.approute.internal.router.RouteTable;
import dev.approute.internal.server.HttpServer;
import dev.approute.internal.server.ServerOptions;
import dev.approute.internal.runtime.AppRoutes;
import dev.approute.internal.runtime.Dispatcher;
import dev.approute.internal.runtime.Endpoint;
import dev.approute.internal.runtime.ErrorResponses;

/** The engine adapter over real HTTP on 127.0.0.1, with hand-built routes (no compiler involved). */
class HttpServerTest {
    private static HttpServer server;
    private static final List<String> log = new ArrayList<>();
    private static final HttpClient client = HttpClient.newHttpClient();
    private static final CountDownLatch clientReadFirstChunk = new CountDownLatch(1);
    private static final AtomicBoolean firstChunkSeen = new AtomicBoolean();

    @BeforeAll
    static void start() {
        Map<RoutePattern, Endpoint> routes = Map.of(
                RoutePattern.parse("/api/hello"), route("/api/hello", Map.of(HttpMethod.GET,
                        (request, context) -> Response.json(Map.of("message", "Hello World"), init -> init.header("X-Route", "hello")))),
                RoutePattern.parse("/api/echo"), route("/api/echo", Map.of(HttpMethod.POST,
                        (request, context) -> Response.json(request.json()))),
                RoutePattern.parse("/api/stream"), route("/api/stream", Map.of(HttpMethod.GET,
                        (request, context) -> Response.stream(sink -> {
                            sink.send("<p>One</p>");
                            // The second chunk waits until the client has seen the first: proof of no buffering.
                            firstChunkSeen.set(clientReadFirstChunk.await(10, TimeUnit.SECONDS));
                            sink.send("<p>Two</p>");
                        }))));
        Dispatcher dispatcher = new Dispatcher(() -> AppRoutes.of(RouteTable.build(routes)), new ErrorResponses(null, false, log::add));
        server = HttpServer.start(ServerOptions.of("127.0.0.1", 0), dispatcher, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Endpoint route(String pattern, Map<HttpMethod, RouteHandler> handlers) {
        AppEntry entry = new AppEntry(EntryKind.ROUTE, Path.of("app" + pattern + "/route.java"), pattern + "/route", RoutePattern.parse(pattern));
        return Endpoint.Route.of(new RouteModule(entry, "Route", handlers, SegmentConfig.DEFAULTS, List.of()));
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getAnswersJsonWithHandlerHeaders() throws Exception {
        HttpResponse<String> response = send("GET", "/api/hello");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"message\":\"Hello World\"}");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-route")).hasValue("hello");
        assertThat(response.headers().firstValue("vary")).hasValue("Accept-Encoding");
    }

    @Test
    void headRunsGetWithoutBody() throws Exception {
        HttpResponse<String> response = send("HEAD", "/api/hello");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("x-route")).hasValue("hello");
    }

    @Test
    void optionsListsAllowedMethods() throws Exception {
        HttpResponse<String> response = send("OPTIONS", "/api/hello");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().allValues("allow")).containsExactly("GET, HEAD, OPTIONS");
    }

    @Test
    void unimplementedMethodsAre405WithOneAllowHeader() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> response = send(method, "/api/hello");
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().allValues("allow")).as(method).containsExactly("GET, HEAD, OPTIONS");
        }
        for (String method : List.of("PROPFIND", "TRACE", "QUERY", "PURGE")) {
            String raw = RawHttp.exchange(server.port(), method + " /api/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(raw)).as(method).isEqualTo(405);
            assertThat(raw).as(method).containsIgnoringCase("allow: GET, HEAD, OPTIONS");
        }
    }

    @Test
    void unknownUrlIs404Json() throws Exception {
        HttpResponse<String> response = send("GET", "/nope");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).contains("\"error\":\"Not Found\"");
    }

    @Test
    void jsonBodyIsReadWhetherItsLengthIsAnnouncedOrChunked() throws Exception {
        String json = "{\"a\":[1,2,\"é\"],\"b\":{\"c\":null}}";
        int length = json.getBytes(StandardCharsets.UTF_8).length;
        String sized = RawHttp.exchange(server.port(), "POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n" + new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        assertThat(RawHttp.status(sized)).isEqualTo(200);
        assertThat(new String(sized.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)).endsWith(json);
        String chunked = RawHttp.exchange(server.port(), "POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\n{\"a\r\n6\r\n\":true\r\n1\r\n}\r\n0\r\n\r\n");
        assertThat(RawHttp.status(chunked)).isEqualTo(200);
        assertThat(chunked).endsWith("{\"a\":true}");
        String empty = RawHttp.exchange(server.port(), "POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(empty)).isEqualTo(400);
    }

    @Test
    void optionsAsteriskIsNotAnError() throws Exception {
        String raw = RawHttp.exchange(server.port(), "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(raw)).isEqualTo(204);
    }

    @Test
    void absoluteFormTargetIsServed() throws Exception {
        String raw = RawHttp.exchange(server.port(), "GET http://localhost:3000/api/hello HTTP/1.1\r\nHost: localhost:3000\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(raw)).isEqualTo(200);
        assertThat(raw).contains("Hello World");
    }

    @Test
    void streamingFlushesEachChunkBeforeTheNextIsProduced() throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            byte[] first = body.readNBytes("<p>One</p>".length());
            assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("<p>One</p>");
            clientReadFirstChunk.countDown();
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<p>Two</p>");
        }
        assertThat(firstChunkSeen).as("the first chunk reached the client while the handler was still running").isTrue();
    }
}
