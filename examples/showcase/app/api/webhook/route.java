// Docs "Webhooks": 400 on processing error, 200 "Success!" otherwise.
import dev.approute.*;
import java.util.*;

class Route {
    static Response POST(Request request) {
        try {
            Object payload = request.json();
            if (!(payload instanceof Map<?, ?> map) || !(map.get("event") instanceof String)) {
                throw new IllegalArgumentException("missing event");
            }
        } catch (RuntimeException error) {
            return Response.text("Webhook error: " + error.getMessage(), init -> init.status(400));
        }
        return Response.text("Success!", init -> init.status(200));
    }
}
