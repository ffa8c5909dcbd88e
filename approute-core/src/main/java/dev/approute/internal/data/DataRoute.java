package dev.approute.internal.data;

import java.util.Objects;

/**
 * The segment config a data read obeys: the route whose handler (or cached render) is running.
 *
 * <pre>{@code
 * new DataRoute("app/api/posts/route.java", "only-cache", "auto", 60);
 * DataRoute.OUTSIDE_REQUEST;   // a static initializer, a thread the app started: fetchCache "auto"
 * }</pre>
 *
 * @param file       the route file, for messages ({@code app/api/posts/route.java})
 * @param fetchCache one of Next's seven values ({@link FetchPolicy})
 * @param dynamic    the route's {@code dynamic}; {@code "force-static"} keeps its response cached even when it reads
 *                   uncached data
 * @param revalidate the route's {@code revalidate} in seconds, or null for {@code false}
 */
public record DataRoute(String file, String fetchCache, String dynamic, Integer revalidate) {
    public static final DataRoute OUTSIDE_REQUEST = new DataRoute("(outside a request)", FetchPolicy.AUTO, "auto", null);

    public DataRoute {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fetchCache, "fetchCache");
        Objects.requireNonNull(dynamic, "dynamic");
    }

    public boolean forceStatic() {
        return dynamic.equals("force-static");
    }
}
