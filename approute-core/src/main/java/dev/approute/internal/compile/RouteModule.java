package dev.approute.internal.compile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.approute.Cors;
import dev.approute.ImageResponse;
import dev.approute.internal.metadata.MetadataKind;
import dev.approute.internal.router.AppEntry;

/**
 * A loaded route file: its handlers bound once (MethodHandles), and its segment config. A metadata route
 * ({@code sitemap.java}, {@code icon.java}, ...) is one too: a GET that calls its method and writes the result.
 *
 * @param handlers     only the methods the file declares, as declared (no automatic HEAD/OPTIONS here)
 * @param warnings     things worth saying that are not errors (e.g. runtime = "edge" runs on the JVM too)
 * @param staticParams the file's {@code static List<Map<String, ?>> generateStaticParams()}, or null
 * @param metadata     what a metadata route is, or null for a {@code route.java}
 * @param cors         the file's {@code static final Cors cors}, or null
 */
public record RouteModule(AppEntry entry, String className, Map<HttpMethod, RouteHandler> handlers,
                          SegmentConfig config, List<String> warnings, StaticParams staticParams, Metadata metadata,
                          Cors cors) {
    public RouteModule(AppEntry entry, String className, Map<HttpMethod, RouteHandler> handlers, SegmentConfig config,
                       List<String> warnings) {
        this(entry, className, handlers, config, warnings, null, null, null);
    }

    /** A bound {@code generateStaticParams()}: the param sets to prerender (values String or List of String). */
    @FunctionalInterface
    public interface StaticParams {
        List<?> generate() throws Throwable;
    }

    /**
     * The kind of a metadata route and, for images, its {@code size}, {@code contentType} and {@code alt} constants
     * (Next's exports of the same names; null when not declared).
     */
    public record Metadata(MetadataKind kind, ImageResponse.Size size, String contentType, String alt) {
        /** What it is served with: its own {@code Cache-Control} (images: the one {@code ImageResponse} sets). */
        public String cacheControl() {
            return MetadataKind.CACHE_CONTROL;
        }

        /** The shape {@code routes --json} prints. */
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", kind.baseName());
            if (size != null) {
                json.put("size", Map.of("width", size.width(), "height", size.height()));
            }
            if (contentType != null) {
                json.put("contentType", contentType);
            }
            if (alt != null) {
                json.put("alt", alt);
            }
            return json;
        }
    }
}
