// Next.js silently ignores an exported `get` (GET answers 405). approute refuses it at build time:
// "`get` is not a handler: handler names are upper-case. Rename it to `GET`". So this route keeps only the
// upper-case POST, and GET /api/lowercase answers 405 with Allow: OPTIONS, POST, as Next's route did.
import dev.approute.*;

class Route {
    static Response POST() {
        return Response.text("uppercase post");
    }
}
