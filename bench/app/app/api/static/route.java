// Benchmark: a force-static GET. approute does not cache yet, so the handler still runs on every request.
import dev.approute.*;
import java.util.*;

class Route {
    static final String dynamic = "force-static";

    static Response GET() {
        return Response.json(Map.of("message", "Hello Static"));
    }
}
