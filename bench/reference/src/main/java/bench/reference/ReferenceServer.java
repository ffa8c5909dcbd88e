package bench.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http2.Http2Config;

/**
 * The reference server of {@code bench/run}: the same endpoints as {@code bench/app}, written directly against
 * Helidon WebServer 4 and Jackson, routed by hand. It is the ceiling of approute's stack: same JDK, same engine,
 * same listener settings (copied from approute's HttpServer), same JSON library and mapper configuration, same
 * response headers. What approute spends above it is its router, handler call and Request/Response layer.
 *
 * <pre>java -jar bench/reference/target/bench-reference.jar PORT [HOST]</pre>
 */
public final class ReferenceServer {
    // approute's HttpServer limits, copied.
    private static final int MAX_REQUEST_LINE = 16 * 1024;
    private static final int ENGINE_HEADER_LIMIT = 64 * 1024;

    // approute's Json mapper configuration, copied.
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).build())
                    .build())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    // approute answers JSON with these two headers (Vary because JSON is compressible, as Next.js does).
    private static final Header JSON = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "application/json");
    private static final Header VARY = HeaderValues.createCached(HeaderNames.VARY, "Accept-Encoding");

    private ReferenceServer() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
        String host = args.length > 1 ? args[1] : "127.0.0.1";
        WebServer server = WebServer.builder()
                .host(host)
                .port(port)
                .connectionOptions(socket -> socket.tcpNoDelay(true))
                .protocolsDiscoverServices(false)
                .addProtocol(Http2Config.create())
                .addProtocol(Http1Config.builder()
                        .maxHeadersSize(ENGINE_HEADER_LIMIT)
                        .maxPrologueLength(MAX_REQUEST_LINE)
                        .validateRequestHeaders(true)
                        .validatePath(false)
                        .validatePrologue(false)
                        .build())
                .routing(routing -> routing
                        .get("/api/hello", (req, res) -> json(res, Map.of("message", "Hello World")))
                        .get("/api/items/{slug}", (req, res) ->
                                json(res, Map.of("slug", req.path().pathParameters().get("slug"))))
                        .post("/api/echo", (req, res) -> {
                            byte[] body;
                            try (InputStream in = req.content().inputStream()) {
                                body = in.readAllBytes();
                            }
                            Object value;
                            try {
                                value = MAPPER.readValue(body, Object.class);
                            } catch (IOException e) {
                                res.status(Status.BAD_REQUEST_400).send("Bad Request");
                                return;
                            }
                            json(res, value);
                        })
                        .get("/api/static", (req, res) -> json(res, Map.of("message", "Hello Static")))
                        .get("/api/stream", (req, res) -> {
                            try (OutputStream out = res.outputStream()) {
                                for (String chunk : new String[] {"<p>One</p>", "<p>Two</p>", "<p>Three</p>"}) {
                                    out.write(chunk.getBytes(StandardCharsets.UTF_8));
                                    out.flush();
                                }
                            }
                        }))
                .build()
                .start();
        System.out.println("reference server http://" + host + ":" + server.port());
    }

    private static void json(ServerResponse res, Object value) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(value);
        res.header(JSON);
        res.header(VARY);
        res.send(bytes);
    }
}
