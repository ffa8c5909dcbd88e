// CORS headers come from approute.json "headers", not from the handler.
import dev.approute.*;

class Route {
    static Response GET() {
        return Response.text("cors via next.config");
    }

    static Response POST() {
        return Response.text("cors via next.config (POST)");
    }
}
