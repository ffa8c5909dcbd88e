// Streaming request body piped straight back (full duplex).
import dev.approute.*;

class Route {
    static Response POST(Request request) {
        return Response.stream(request.body(), init -> init.contentType("application/octet-stream"));
    }
}
