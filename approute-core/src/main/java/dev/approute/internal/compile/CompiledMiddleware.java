package dev.approute.internal.compile;

import java.nio.file.Path;

/**
 * {@code middleware.java}, compiled.
 *
 * @param file        the source file (at the app root)
 * @param className   binary name of its class, e.g. {@code approute.middleware.Middleware}
 * @param classesDir  the class-output root holding {@link #PACKAGE}
 * @param matcherLine the line of its {@code matcher} field, for problems found when the class loads; 0 when unknown
 */
public record CompiledMiddleware(Path file, String className, Path classesDir, int matcherLine) {
    /** The synthetic package middleware.java compiles into (route folders use {@code approute.routes.*}). */
    public static final String PACKAGE = "approute.middleware";
}
