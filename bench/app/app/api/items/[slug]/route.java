// Benchmark: dynamic segment (issue 3, GET /api/items/[slug]).
import dev.approute.*;
import java.util.*;

class Route {
    static Response GET(Request request, RouteContext ctx) {
        return Response.json(Map.of("slug", ctx.params().get("slug")));
    }
}
