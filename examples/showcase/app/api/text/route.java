import dev.approute.*;
import java.util.*;

class Route {
    static Response POST(Request request) {
        String text = request.text();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("length", text.length());
        body.put("contentType", request.headers().get("content-type"));
        return Response.json(body);
    }
}
