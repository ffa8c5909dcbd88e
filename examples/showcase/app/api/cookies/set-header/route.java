// Docs: return a new Response with a Set-Cookie header built from the token cookie.
import dev.approute.*;

class Route {
    static Response GET() {
        Cookie token = Current.cookies().get("token");
        return Response.text("Hello, Next.js!", init -> init
                .status(200)
                .appendHeader("Set-Cookie", "token=" + (token == null ? "none" : token.value()))
                .appendHeader("Set-Cookie", "second=2; Path=/; HttpOnly"));
    }
}
