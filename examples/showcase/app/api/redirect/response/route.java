// Response.redirect with an absolute URL built from request.url(); ?status=NNN overrides 307.
import dev.approute.*;
import java.net.URI;

class Route {
    static Response GET(Request request) {
        String status = request.nextUrl().searchParams().get("status");
        String target = URI.create(request.url()).resolve("/api/hello").toString();
        return status != null ? Response.redirect(target, Integer.parseInt(status)) : Response.redirect(target);
    }
}
