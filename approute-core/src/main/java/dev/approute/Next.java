package dev.approute;

import java.util.function.Consumer;

/**
 * The rest of a request's way through approute, handed to middleware ({@code middleware.java} at the app root,
 * beside {@code app/}). Middleware runs before routing; {@link #next()} runs routing, the route handler (or the
 * response cache, a 404, a 405 ...) and returns that response, so middleware acts before and after, as an OkHttp
 * interceptor does:
 *
 * <pre>{@code
 * class Middleware {
 *     static final String[] matcher = {"/api/:path*", "/admin/:path*"};
 *
 *     static Response handle(Request request, Next next) {
 *         Cookie session = request.cookies().get("session");
 *         if (session == null) {
 *             return Response.redirect("/login");                          // redirect: no route runs
 *         }
 *         if (request.nextUrl().pathname().startsWith("/api/v1/")) {
 *             return next.rewrite("/api/v2/" + request.nextUrl().pathname().substring(8));   // serve another route
 *         }
 *         Response response = next.next(headers -> headers.set("x-user", session.value()));   // the handler sees x-user
 *         return response.with(init -> init.header("x-served-by", "middleware"));           // also on cached answers
 *     }
 * }
 * }</pre>
 *
 * Call one of these methods at most once, while {@code handle} runs; a handler's failure comes back as its response
 * (a 500), never as an exception.
 */
public interface Next {
    /**
     * Continues with request headers changed by {@code requestHeaders} (Next.js's
     * {@code NextResponse.next({request: {headers}})}): the route handler sees them; the client's own are otherwise
     * kept. Names starting with {@code x-approute-} are reserved and refused.
     *
     * @return the response of the rest of the request (a handler's, a cached one, a 404 ...)
     */
    Response next(Consumer<Headers.Builder> requestHeaders);

    /**
     * Continues as if the client had asked for {@code destination}: a path of this app ({@code "/other?x=1"}, with
     * the basePath if the app has one), or a URL of the request's own origin. approute never proxies: another host is
     * an error (return {@link Response#redirect} to send the client there). Without a query the request's is kept;
     * middleware does not run again for the destination.
     */
    Response rewrite(String destination, Consumer<Headers.Builder> requestHeaders);

    /** Continues to the route the request asked for. */
    default Response next() {
        return next(unchanged -> { });
    }

    /** {@link #rewrite(String, Consumer)} with the request headers unchanged. */
    default Response rewrite(String destination) {
        return rewrite(destination, unchanged -> { });
    }

    /** {@link #rewrite(String)} to a URL, e.g. {@code request.nextUrl().withPathname("/b")}. */
    default Response rewrite(NextUrl destination) {
        return rewrite(destination.href());
    }
}
