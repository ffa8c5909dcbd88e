package dev.approute;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.function.Consumer;

import dev.approute.internal.data.Fetched;
import dev.approute.internal.data.Fetcher;
import dev.approute.internal.data.FetchRequest;
import dev.approute.internal.runtime.RequestScope;

/**
 * Outbound HTTP with Next.js's data cache: the server-side {@code fetch}. A fetch is cached when it asks to be
 * ({@code cache("force-cache")}, {@code revalidate(N)}) or when its route's {@code fetchCache} says so; a cached
 * fetch is answered from the data cache (kept with the app's responses by {@code start}), refreshed
 * stale-while-revalidate, and its tags attach to the cached response being rendered, so
 * {@code Cache.revalidateTag} refreshes both. Full rules: docs/caching.md, "The data cache".
 *
 * <pre>{@code
 * // app/api/posts/route.java
 * static final int revalidate = 3600;
 *
 * static Response GET() {
 *     FetchResponse res = Fetch.get("https://api.example.com/posts", init -> init.revalidate(60).tags("posts"));
 *     return Response.json(res.json());
 * }
 * // after a write: Cache.revalidateTag("posts") -> the data and GET /api/posts are both fetched anew
 * }</pre>
 *
 * One JDK {@code HttpClient} serves every fetch (redirects followed, 10 s to connect, 30 s for the response unless
 * {@link FetchInit#timeout} says otherwise); the calling thread blocks, which is cheap on the handler's virtual thread.
 * Works outside a request too (a static initializer, a thread the app started), with {@code fetchCache} {@code auto}.
 */
public final class Fetch {
    // Hop-by-hop and framing headers the JDK client sets itself and refuses to take.
    private static final Set<String> CLIENT_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private Fetch() {
    }

    /** A GET of {@code url}, cached only if its route's {@code fetchCache} says so. */
    public static FetchResponse get(String url) {
        return send(url, init -> { });
    }

    /**
     * A GET with options: {@code Fetch.get(url, init -> init.revalidate(60).tags("posts"))}.
     *
     * @throws IllegalArgumentException when {@code init} sets another method (use {@link #send})
     */
    public static FetchResponse get(String url, Consumer<FetchInit> init) {
        return send(url, options -> {
            init.accept(options);
            if (!options.method.equals("GET")) {
                throw new IllegalArgumentException("Fetch.get is a GET, but its options set method " + options.method
                        + ": use Fetch.send(url, init -> init.method(\"" + options.method + "\"))");
            }
        });
    }

    /**
     * Any request: {@code Fetch.send(url, init -> init.method("POST").json(body))}.
     *
     * @throws FetchException           when no response arrives (refused, timed out, interrupted)
     * @throws IllegalArgumentException for a URL that is not absolute http(s), a GET/HEAD with a body, contradicting
     *                                  options, a header the HTTP client sets itself
     * @throws IllegalStateException    when the fetch breaks its route's {@code fetchCache} ({@code only-cache},
     *                                  {@code only-no-store}); the message names the route file and the fetch
     */
    public static FetchResponse send(String url, Consumer<FetchInit> init) {
        FetchInit options = new FetchInit();
        init.accept(options);
        FetchRequest request = request(url, options);
        Fetched fetched = Fetcher.fetch(RequestScope.dataContext(), request);
        return new FetchResponse(request.describe(), fetched.status(), fetched.headers(), fetched.body());
    }

    private static FetchRequest request(String url, FetchInit options) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Fetch: '" + url + "' is not a valid URL: " + e.getMessage(), e);
        }
        if (!uri.isAbsolute() || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("Fetch needs an absolute http:// or https:// URL, got '" + url
                    + "' (on the server a relative URL has no origin: write the full URL)");
        }
        if (options.body != null && (options.method.equals("GET") || options.method.equals("HEAD"))) {
            throw new IllegalArgumentException("Fetch " + options.method + " " + url
                    + " has a body: a GET or HEAD request cannot have one (as the Web fetch); use method(\"POST\")");
        }
        Headers headers = options.headers.build();
        for (String name : headers.names()) {
            if (CLIENT_HEADERS.contains(name)) {
                throw new IllegalArgumentException("Fetch " + url + ": the '" + name
                        + "' header is set by the HTTP client itself and cannot be given");
            }
        }
        if (options.defaultContentType != null && !headers.has("content-type")) {
            headers = headers.toBuilder().set("content-type", options.defaultContentType).build();
        }
        return new FetchRequest(options.method, uri, headers, options.body, options.cache, options.revalidate,
                options.tags, options.timeout);
    }
}
