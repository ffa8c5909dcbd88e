import dev.approute.*;
import java.util.*;

class Route {
    static Response GET(Request request, RouteContext ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("params", ctx.params().toMap());
        body.put("pathname", request.nextUrl().pathname());
        body.put("length", request.nextUrl().pathname().length());
        return Response.json(body);
    }
}
