// Static sibling of a catch-all: static must win.
import dev.approute.*;
import java.util.*;

class Route {
    static Response GET() {
        return Response.json(Map.of("matched", "static"));
    }
}
