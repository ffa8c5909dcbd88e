// request.json() with NO error handling: approute answers 400 for a bad body (Next: 500).
import dev.approute.*;
import java.util.*;

class Route {
    static Response POST(Request request) {
        Object res = request.json();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("res", res);
        return Response.json(body);
    }

    // Next's own test: JSON body on DELETE / OPTIONS.
    static Response DELETE(Request request) {
        Object name = request.json(Map.class).get("name");
        return Response.text("delete " + name);
    }

    static Response OPTIONS(Request request) {
        Object name = request.json(Map.class).get("name");
        return Response.text("options " + name);
    }
}
