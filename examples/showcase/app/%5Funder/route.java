// %5F-prefixed folder: a real URL segment starting with "_" (/_under).
import dev.approute.*;

class Route {
    static Response GET() {
        return Response.text("underscore route");
    }
}
