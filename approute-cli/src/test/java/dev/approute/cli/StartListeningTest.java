package dev.approute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.approute.internal.server.HttpServer;
import dev.approute.internal.server.ServerOptions;

/**
 * {@code start} sets Helidon up while it reads the build: the engine gets the defaults first, and is set up again
 * when approute.json or a route asks for other engine settings.
 */
class StartListeningTest {
    @TempDir
    Path app;

    private void write(String relative, String content) throws Exception {
        AppFiles.write(app, relative, content);
    }

    private HttpServer built() throws Exception {
        write("app/api/hello/route.java", "class Route { static Response GET() { return Response.json(Map.of(\"m\", \"hi\")); } }");
        assertThat(Main.run("build", app.toString())).isZero();
        HttpServer server = StartArguments.parse(new String[] {"start", app.toString(), "--port", "0", "--hostname", "127.0.0.1"}).listen();
        assertThat(server).isNotNull();
        return server;
    }

    private static String get(HttpServer server, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Test
    void anAppWithoutEngineSettingsKeepsTheServerSetUpWithTheDefaults() throws Exception {
        try (HttpServer server = built()) {
            assertThat(server.options()).isEqualTo(ServerOptions.of("127.0.0.1", 0));
            assertThat(get(server, "/api/hello")).isEqualTo("200 {\"m\":\"hi\"}");
        }
    }

    @Test
    void approuteJsonTimeoutsAndARouteBodyLimitReachTheEngine() throws Exception {
        write("approute.json", "{\"serverTimeouts\": {\"idle\": 7, \"read\": 3}}");
        write("app/api/upload/route.java",
                "class Route { static final String bodySizeLimit = \"64mb\"; static Response POST() { return Response.empty(204); } }");
        try (HttpServer server = built()) {
            assertThat(server.options().idleTimeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(server.options().readTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(server.options().maxBodyBytes()).isEqualTo(64L * 1024 * 1024);
            assertThat(get(server, "/api/hello")).isEqualTo("200 {\"m\":\"hi\"}");
        }
    }

    @Test
    void aBuildThatCannotLoadListensNot() throws Exception {
        assertThat(StartArguments.parse(new String[] {"start", app.toString(), "--port", "0"}).listen()).isNull();
    }
}
