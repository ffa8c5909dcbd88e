// Docs "URL Query Parameters".
import dev.approute.*;
import showcase.Echo;
import java.util.*;

class Route {
    static Response GET(Request request) {
        SearchParams searchParams = request.nextUrl().searchParams();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", searchParams.get("query"));
        body.put("a", searchParams.getAll("a"));
        body.put("emptyHas", searchParams.has("empty"));
        body.put("empty", searchParams.get("empty"));
        body.put("entries", Echo.entries(searchParams.entries()));
        body.put("search", request.nextUrl().search());
        body.put("url", request.url());
        return Response.json(body);
    }
}
