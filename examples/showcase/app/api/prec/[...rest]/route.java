import dev.approute.*;
import java.util.*;

class Route {
    static Response GET(Request request, RouteContext ctx) {
        return Response.json(Map.of("matched", "[...rest]", "params", ctx.params().toMap()));
    }
}
