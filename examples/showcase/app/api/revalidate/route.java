// On-demand revalidation: ?path=/x  or  ?tag=t[&profile=max|expire0]
import dev.approute.*;
import java.util.*;

class Route {
    private static Response handle(Request request) {
        SearchParams sp = request.nextUrl().searchParams();
        String path = sp.get("path");
        String tag = sp.get("tag");
        if (path != null && !path.isEmpty()) {
            Cache.revalidatePath(path);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("revalidated", true);
            body.put("path", path);
            body.put("now", System.currentTimeMillis());
            return Response.json(body);
        }
        if (tag != null && !tag.isEmpty()) {
            boolean max = "max".equals(sp.get("profile"));
            Object profile = max ? "max" : Map.of("expire", 0);
            Cache.revalidateTag(tag, max ? "max" : "0");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("revalidated", true);
            body.put("tag", tag);
            body.put("profile", profile);
            body.put("now", System.currentTimeMillis());
            return Response.json(body);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revalidated", false);
        body.put("message", "Missing path or tag");
        return Response.json(body, init -> init.status(400));
    }

    static Response GET(Request request) {
        return handle(request);
    }

    static Response POST(Request request) {
        return handle(request);
    }
}
