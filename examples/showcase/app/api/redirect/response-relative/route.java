// Response.redirect with a relative URL: Next's NextResponse.redirect throws (500); approute sends it as given.
import dev.approute.*;

class Route {
    static Response GET() {
        return Response.redirect("/api/hello");
    }
}
