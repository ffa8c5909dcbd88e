// Benchmark: POST a JSON body, parse it, encode it again (issue 3, POST /api/echo).
import dev.approute.*;
import java.util.*;

class Route {
    static Response POST(Request request) {
        Object body = request.json();
        return Response.json(body);
    }
}
