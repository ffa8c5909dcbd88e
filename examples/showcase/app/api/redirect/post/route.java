// Navigation.redirect() from a POST route handler.
import dev.approute.*;

class Route {
    static Response POST() {
        return Navigation.redirect("/api/hello");
    }
}
