// Docs "CORS" plus an explicit preflight handler.
import dev.approute.*;
import java.util.*;

class Route {
    static final Map<String, String> CORS = Map.of(
            "Access-Control-Allow-Origin", "*",
            "Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS",
            "Access-Control-Allow-Headers", "Content-Type, Authorization");

    static Response GET() {
        return Response.text("Hello, Next.js!", init -> init.status(200).headers(CORS));
    }

    static Response OPTIONS() {
        return Response.empty(init -> init.status(204).headers(CORS).header("Access-Control-Max-Age", "86400"));
    }
}
