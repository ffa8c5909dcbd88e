// GET-only route: probes auto HEAD, auto OPTIONS (Allow header) and 405 for the rest.
import dev.approute.*;
import java.util.*;

class Route {
    static Response GET() {
        return Response.json(Map.of("message", "Hello World"), init -> init.header("X-Route", "hello"));
    }
}
