// Benchmark: small JSON GET (issue 3, GET /api/hello).
import dev.approute.*;
import java.util.*;

class Route {
    static Response GET() {
        return Response.json(Map.of("message", "Hello World"));
    }
}
