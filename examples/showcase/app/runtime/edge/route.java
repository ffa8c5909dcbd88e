// Mirrors Next's test/e2e/app-dir/app-routes-trailing-slash handler (edge runtime).
import dev.approute.*;
import java.net.URI;
import java.util.*;

class Route {
    static final String runtime = "edge";

    static Response GET(Request req) {
        return Response.json(Map.of("url", URI.create(req.url()).getRawPath(), "nextUrl", req.nextUrl().pathname()));
    }
}
