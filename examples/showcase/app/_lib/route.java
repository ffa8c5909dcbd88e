// Private folder: must NOT be routable (/_lib -> 404). approute never compiles _private folders.
import dev.approute.*;

class Route {
    static Response GET() {
        return Response.text("private route leaked!");
    }
}
