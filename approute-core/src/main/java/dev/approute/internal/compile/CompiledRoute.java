package dev.approute.internal.compile;

import java.nio.file.Path;
import java.util.List;

import dev.approute.internal.router.AppEntry;

/**
 * One compiled route folder.
 *
 * @param entry       the {@code route.java} the scanner found
 * @param className   binary name of the top-level route class, e.g. {@code approute.routes.api.items._slug_.Route}
 * @param packageName the synthetic package its folder compiled into
 * @param methods     the handlers it declares, in {@link HttpMethod} order
 * @param config      its segment config as validated at compile time
 * @param classesDir  the class-output root holding the package, or null for {@code <classesRoot>/routes}
 *                    (a hot recompile writes to a fresh directory)
 */
public record CompiledRoute(AppEntry entry, String className, String packageName, List<HttpMethod> methods,
                            SegmentConfig config, Path classesDir) {
    public CompiledRoute {
        methods = List.copyOf(methods);
        config = config == null ? SegmentConfig.DEFAULTS : config;
    }

    public CompiledRoute(AppEntry entry, String className, String packageName) {
        this(entry, className, packageName, List.of(), SegmentConfig.DEFAULTS, null);
    }
}
