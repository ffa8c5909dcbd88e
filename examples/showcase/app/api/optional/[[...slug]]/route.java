import dev.approute.*;
import java.util.*;

class Route {
    static Response GET(Request request, RouteContext ctx) {
        Params p = ctx.params();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("params", p.toMap());
        body.put("hasSlug", p.has("slug"));
        body.put("slug", p.has("slug") ? p.getAll("slug") : null);
        return Response.json(body);
    }
}
