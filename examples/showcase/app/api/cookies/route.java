// Docs "Cookies": read via Current.cookies() and request.cookies(), set b=1, delete c.
import dev.approute.*;
import showcase.CookieJson;
import java.util.*;

class Route {
    static Response GET(Request request) {
        CookieStore cookieStore = Current.cookies();
        Cookie a = cookieStore.get("a");
        cookieStore.set("b", "1");
        cookieStore.delete("c");

        Map<String, Object> fromStore = new LinkedHashMap<>();
        fromStore.put("a", CookieJson.storeCookie(a));
        fromStore.put("all", cookieStore.getAll().stream().map(CookieJson::storeCookie).toList());
        fromStore.put("hasA", cookieStore.has("a"));

        Map<String, Object> fromRequest = new LinkedHashMap<>();
        fromRequest.put("a", CookieJson.requestCookie(request.cookies().get("a")));
        fromRequest.put("all", request.cookies().getAll().stream().map(CookieJson::requestCookie).toList());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fromStore", fromStore);
        body.put("fromRequest", fromRequest);
        body.put("rawCookieHeader", request.headers().get("cookie"));
        return Response.json(body);
    }
}
