import dev.approute.*;

class Route {
    static Response GET() {
        return Navigation.notFound();
    }
}
