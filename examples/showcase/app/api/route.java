// app/page.html + app/api/route.java : the docs' "Valid" combination.
import dev.approute.*;
import java.util.*;

class Route {
    static Response GET() {
        return Response.json(Map.of("route", "/api"));
    }
}
