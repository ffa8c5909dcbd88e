// Can a GET/HEAD/DELETE handler see a request body?
import dev.approute.*;
import java.util.*;

class Route {
    private static Response inspect(Request request) {
        String text = null;
        String error = null;
        try {
            text = request.text();
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", request.method());
        body.put("hasBody", request.hasBody());
        body.put("text", text);
        body.put("error", error);
        return Response.json(body);
    }

    static Response GET(Request request) {
        return inspect(request);
    }

    static Response DELETE(Request request) {
        return inspect(request);
    }

    static Response POST(Request request) {
        return inspect(request);
    }
}
