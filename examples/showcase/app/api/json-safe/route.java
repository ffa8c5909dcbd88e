// request.json() with error handling -> 400.
import dev.approute.*;
import java.util.*;

class Route {
    static Response POST(Request request) {
        try {
            Object data = request.json();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", data);
            return Response.json(body);
        } catch (BadRequestException e) {
            // Next's body names the JS error class: keep it as is.
            return Response.json(Map.of("error", "invalid json", "detail", "SyntaxError"), init -> init.status(400));
        }
    }
}
