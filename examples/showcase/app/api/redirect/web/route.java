// Plain Web API Response.redirect.
import dev.approute.*;

class Route {
    static Response GET() {
        return Response.redirect("https://nextjs.org/", 302);
    }
}
