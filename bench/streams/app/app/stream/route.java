// Long-lived stream for bench/streams/run: GET /stream?seconds=45&interval=1000 sends one chunk per interval.
// Each chunk starts with '@' (a byte that never occurs in HTTP/1.1 chunk framing), which the load client counts.
import dev.approute.*;
import java.util.*;

class Route {
    static Response GET(Request request) {
        var params = request.nextUrl().searchParams();
        int seconds = Integer.parseInt(Objects.requireNonNullElse(params.get("seconds"), "45"));
        long interval = Long.parseLong(Objects.requireNonNullElse(params.get("interval"), "1000"));
        long chunks = seconds * 1000L / interval;
        return Response.stream(sink -> {
            for (long i = 0; i < chunks && !sink.isClosed(); i++) {
                sink.send("@tick " + i + "\n");
                Thread.sleep(interval);
            }
        }, init -> init.contentType("text/plain; charset=utf-8").header("Cache-Control", "no-cache"));
    }
}
