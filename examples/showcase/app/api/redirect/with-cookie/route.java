// Cookies set before Navigation.redirect() must be carried on the redirect response.
import dev.approute.*;

class Route {
    static Response GET() {
        Current.cookies().set("redirected", "yes");
        return Navigation.redirect("/api/hello");
    }
}
