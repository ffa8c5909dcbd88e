// Lower-case method is NOT a handler; only POST is.
import dev.approute.*;

class Route {
    static Response get() {
        return Response.text("lowercase get");
    }

    static Response POST() {
        return Response.text("uppercase post");
    }
}
