package dev.approute.internal.compile;

import java.nio.file.Path;
import java.util.List;

import dev.approute.Matcher;

/**
 * A loaded {@code middleware.java}: its {@code handle} bound once, and its {@code matcher}.
 *
 * @param matchers the paths (and conditions) it runs for; empty: every path
 */
public record MiddlewareModule(Path file, String className, MiddlewareHandler handler, List<Matcher> matchers) {
    public MiddlewareModule {
        matchers = List.copyOf(matchers);
    }
}
