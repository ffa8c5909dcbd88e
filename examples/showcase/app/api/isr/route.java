// ISR: revalidate = 5 seconds.
import dev.approute.*;
import java.util.*;

class Route {
    static final int revalidate = 5;

    static Response GET() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", System.currentTimeMillis());
        body.put("rand", Math.random());
        return Response.json(body);
    }
}
