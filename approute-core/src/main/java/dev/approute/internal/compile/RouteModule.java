package dev.approute.internal.compile;

import java.util.List;
import java.util.Map;

import dev.approute.Cors;
import dev.approute.internal.router.AppEntry;

/**
 * A loaded route file: its handlers bound once (MethodHandles), and its segment config.
 *
 * @param handlers     only the methods the file declares, as declared (no automatic HEAD/OPTIONS here)
 * @param warnings     things worth saying that are not errors (e.g. runtime = "edge" runs on the JVM too)
 * @param staticParams the file's {@code static List<Map<String, ?>> generateStaticParams()}, or null
 * @param cors         the file's {@code static final Cors cors}, or null
 */
public record RouteModule(AppEntry entry, String className, Map<HttpMethod, RouteHandler> handlers,
                          SegmentConfig config, List<String> warnings, StaticParams staticParams, Cors cors) {
    public RouteModule(AppEntry entry, String className, Map<HttpMethod, RouteHandler> handlers, SegmentConfig config,
                       List<String> warnings) {
        this(entry, className, handlers, config, warnings, null, null);
    }

    public RouteModule(AppEntry entry, String className, Map<HttpMethod, RouteHandler> handlers, SegmentConfig config,
                       List<String> warnings, StaticParams staticParams) {
        this(entry, className, handlers, config, warnings, staticParams, null);
    }

    /** A bound {@code generateStaticParams()}: the param sets to prerender (values String or List of String). */
    @FunctionalInterface
    public interface StaticParams {
        List<?> generate() throws Throwable;
    }
}
