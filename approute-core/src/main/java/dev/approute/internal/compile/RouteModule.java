package dev.approute.internal.compile;

import java.util.List;
import java.util.Map;

import dev.approute.internal.router.AppEntry;

/**
 * A loaded route file: its handlers bound once (MethodHandles), and its segment config.
 *
 * @param handlers only the methods the file declares, as declared (no automatic HEAD/OPTIONS here)
 * @param warnings things worth saying that are not errors (e.g. runtime = "edge" runs on the JVM too)
 */
public record RouteModule(AppEntry entry, String className, Map<HttpMethod, RouteHandler> handlers,
                          SegmentConfig config, List<String> warnings) {
}
