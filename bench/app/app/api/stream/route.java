// Benchmark: a 3-chunk streamed body, no sleeps (issue 3, streaming GET).
import dev.approute.*;

class Route {
    static Response GET() {
        return Response.stream(sink -> {
            sink.send("<p>One</p>");
            sink.send("<p>Two</p>");
            sink.send("<p>Three</p>");
        });
    }
}
