import dev.approute.*;
import java.util.*;

class Route {
    static Response GET() {
        return Response.json(Map.of("route", "/combo/api"));
    }

    static Response POST() {
        return Response.json(Map.of("route", "/combo/api", "method", "POST"));
    }
}
