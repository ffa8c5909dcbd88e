// Static GET whose data is tagged 'demo-tag' (for revalidateTag); path /api/tagged (for revalidatePath).
// Next wraps getData in unstable_cache(..., ['tagged-data'], {tags: ['demo-tag']}); approute's data cache is not
// built yet, so the response itself carries the tag (Cache.tag) and getData() runs when the route is regenerated.
import dev.approute.*;
import java.util.*;

class Route {
    static final String dynamic = "force-static";

    private static Map<String, Object> getData() {
        return Map.of("cachedAt", System.currentTimeMillis());
    }

    static Response GET() {
        Cache.tag("demo-tag");
        Map<String, Object> data = getData();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", System.currentTimeMillis());
        body.put("data", data);
        return Response.json(body);
    }
}
