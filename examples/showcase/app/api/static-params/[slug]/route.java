// generateStaticParams + dynamicParams=false: only a and b exist.
import dev.approute.*;
import java.util.*;

class Route {
    static final boolean dynamicParams = false;
    static final String dynamic = "force-static";

    static List<Map<String, String>> generateStaticParams() {
        return List.of(Map.of("slug", "a"), Map.of("slug", "b"));
    }

    static Response GET(Request request, RouteContext ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("params", ctx.params().toMap());
        body.put("now", System.currentTimeMillis());
        return Response.json(body);
    }
}
