import dev.approute.*;
import java.util.*;

class Route {
    static final String dynamic = "force-dynamic";

    static Response GET() {
        return Response.json(Map.of("now", System.currentTimeMillis()));
    }
}
