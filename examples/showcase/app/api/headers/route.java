// Docs "Headers": read via Current.headers() and request.headers(), echo referer back.
import dev.approute.*;
import showcase.Echo;
import java.util.*;

class Route {
    static Response GET(Request request) {
        Headers headersList = Current.headers();
        String referer = headersList.get("referer");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fromHeadersFn", Echo.headerObject(headersList));
        body.put("fromRequest", Echo.headerObject(request.headers()));
        body.put("referer", referer);
        return Response.json(body, init -> {
            init.status(200).contentType("application/json");
            if (referer != null) {
                init.header("referer", referer);
            }
        });
    }
}
