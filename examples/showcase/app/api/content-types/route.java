// What Content-Type does each body kind get by default?
import dev.approute.*;
import java.nio.charset.StandardCharsets;
import java.util.*;

class Route {
    static Response GET(Request request) {
        String kind = request.nextUrl().searchParams().get("kind");
        return switch (kind == null ? "" : kind) {
            case "text" -> Response.text("plain string body");
            case "json" -> Response.json(Map.of("a", 1));
            case "nextjson" -> Response.json(Map.of("a", 1));
            case "bytes" -> Response.bytes(new byte[] {104, 105});
            // new Blob([...], {type}): the blob's type becomes the content type
            case "blob" -> Response.bytes("blob body".getBytes(StandardCharsets.UTF_8), init -> init.contentType("text/x-blob"));
            // new URLSearchParams(...): serialized urlencoded, with the Web API's content type
            case "params" -> Response.text(SearchParams.of("a", "1", "b", "two words").toString(),
                    init -> init.contentType("application/x-www-form-urlencoded;charset=UTF-8"));
            case "html" -> Response.text("<h1>html</h1>", init -> init.header("content-type", "text/html; charset=utf-8"));
            case "empty" -> Response.empty();
            case "emptystring" -> Response.text("");
            case "cachecontrol" -> Response.text("custom cache-control", init -> init.header("Cache-Control", "public, max-age=60"));
            case "contentlength" -> Response.text("12345", init -> init.header("Content-Length", "5"));
            case "big" -> Response.text("x".repeat(100_000));
            default -> Response.text("unknown kind", init -> init.status(400));
        };
    }
}
