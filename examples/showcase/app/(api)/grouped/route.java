// Route group (api) is omitted from the URL: served at /grouped.
import dev.approute.*;
import java.net.URI;
import java.util.*;

class Route {
    static Response GET(Request request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("route", "(api)/grouped");
        body.put("url", URI.create(request.url()).getRawPath());
        return Response.json(body);
    }
}
