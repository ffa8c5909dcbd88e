// Same handlers on the edge runtime.
import dev.approute.*;
import java.util.*;

class Route {
    static final String runtime = "edge";

    static Response GET(Request request) {
        return Response.json(Map.of("runtime", "edge", "url", request.url()));
    }

    static Response POST(Request request) {
        return Response.json(Map.of("runtime", "edge", "body", request.text()));
    }
}
