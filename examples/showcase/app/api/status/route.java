// Arbitrary status codes; ?body=0 for a null body; ?text= for statusText.
import dev.approute.*;
import java.util.*;

class Route {
    static Response GET(Request request) {
        SearchParams sp = request.nextUrl().searchParams();
        int code = Integer.parseInt(Objects.requireNonNullElse(sp.get("code"), "200"));
        boolean withBody = !"0".equals(sp.get("body"));
        String statusText = sp.get("text");
        if ("1".equals(sp.get("helper"))) {
            return Response.json(Map.of("code", code), init -> init.status(code).statusText(statusText));
        }
        // Status 204/205/304 with a body, or outside 200..599, throws here: a 500, as in Next.
        return withBody
                ? Response.text("status " + code, init -> init.status(code).statusText(statusText))
                : Response.empty(init -> init.status(code).statusText(statusText));
    }
}
