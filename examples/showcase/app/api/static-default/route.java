// No segment config, no dynamic API use: not cached (as Next since v15).
import dev.approute.*;
import java.util.*;

class Route {
    static Response GET() {
        return Response.json(Map.of("now", System.currentTimeMillis()));
    }
}
