// Only POST: auto OPTIONS must list "OPTIONS, POST"; GET/HEAD -> 405.
import dev.approute.*;

class Route {
    static Response POST(Request request) {
        return Response.text("posted:" + request.text(), init -> init.status(201));
    }
}
