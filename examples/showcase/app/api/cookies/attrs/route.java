// Exact serialization of cookie attributes set through Current.cookies().set().
import dev.approute.*;
import java.time.Instant;
import java.util.*;

class Route {
    static Response GET() {
        CookieStore store = Current.cookies();
        store.set(Cookie.of("session", "abc 123;=")
                .withHttpOnly(true)
                .withSecure(true)
                .withSameSite("lax")
                .withPath("/api")
                .withMaxAge(3600));
        store.set(Cookie.of("obj", "v")
                .withSameSite("strict")
                .withDomain("example.com")
                .withExpires(Instant.parse("2030-01-01T00:00:00Z")));
        return Response.json(Map.of("ok", true));
    }
}
