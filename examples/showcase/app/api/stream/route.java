// Docs "Streaming": chunks are written one by one, each flushed to the client at once.
import dev.approute.*;

class Route {
    static Response GET() {
        return Response.stream(sink -> {
            sink.send("<p>One</p>");
            Thread.sleep(200);
            sink.send("<p>Two</p>");
            Thread.sleep(200);
            sink.send("<p>Three</p>");
        });
    }
}
