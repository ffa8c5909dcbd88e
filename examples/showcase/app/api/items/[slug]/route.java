// Docs "Dynamic Route Segments".
import dev.approute.*;
import java.util.*;

class Route {
    static Response GET(Request request, RouteContext ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("params", ctx.params().toMap());
        body.put("pathname", request.nextUrl().pathname());
        body.put("url", request.url());
        return Response.json(body);
    }

    static Response POST(Request request, RouteContext ctx) {
        String slug = ctx.params().get("slug");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("body", request.text());
        return Response.json(body, init -> init.status(201));
    }
}
