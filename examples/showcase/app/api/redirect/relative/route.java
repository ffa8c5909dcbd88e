import dev.approute.*;

class Route {
    static Response GET() {
        return Navigation.redirect("/api/hello?from=redirect");
    }
}
