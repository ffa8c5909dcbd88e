// generateStaticParams + revalidate; dynamicParams defaults to true (unknown slugs render on demand).
import dev.approute.*;
import java.util.*;

class Route {
    static final int revalidate = 5;

    static List<Map<String, String>> generateStaticParams() {
        return List.of(Map.of("slug", "first"));
    }

    static Response GET(Request request, RouteContext ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("params", ctx.params().toMap());
        body.put("now", System.currentTimeMillis());
        return Response.json(body);
    }
}
