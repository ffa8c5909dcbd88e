import dev.approute.*;

class Route {
    static Response GET() {
        return Navigation.permanentRedirect("https://nextjs.org/");
    }
}
