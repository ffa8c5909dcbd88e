// force-static GET alongside a POST (Next then skips prerendering the GET; approute should still cache it).
import dev.approute.*;
import java.util.*;

class Route {
    static final String dynamic = "force-static";

    static Response GET(Request req) {
        Map<String, Object> nextUrl = new LinkedHashMap<>();
        nextUrl.put("href", req.nextUrl().href());
        nextUrl.put("search", req.nextUrl().search());
        nextUrl.put("searchParams", req.nextUrl().searchParams().get("query"));
        nextUrl.put("clone", req.nextUrl().clone().toString());

        Map<String, Object> reqInfo = new LinkedHashMap<>();
        reqInfo.put("url", req.url());
        reqInfo.put("headers", req.headers().get("accept"));

        Cookie session = Current.cookies().get("session");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", System.currentTimeMillis());
        body.put("nextUrl", nextUrl);
        body.put("req", reqInfo);
        body.put("headers", Current.headers().get("accept"));
        body.put("cookies", session == null ? null : session.value());
        return Response.json(body);
    }

    // Non-GET methods on a force-static file are never cached.
    static Response POST() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", System.currentTimeMillis());
        body.put("method", "POST");
        return Response.json(body);
    }
}
