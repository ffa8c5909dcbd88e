// Route group nested under /api: served at /api/users.
import dev.approute.*;
import java.util.*;

class Route {
    static Response GET() {
        return Response.json(Map.of("route", "api/(v1)/users"));
    }
}
