// Docs "Redirects".
import dev.approute.*;

class Route {
    static Response GET() {
        return Navigation.redirect("https://nextjs.org/");
    }
}
