package dev.approute.internal.compile;

import java.util.List;

import dev.approute.internal.app.Problem;

/**
 * What {@link RouteLoader} loaded: one module per route that loaded, and a problem per route that did not.
 */
public record LoadResult(List<RouteModule> modules, List<Problem> problems) {
    public LoadResult {
        modules = List.copyOf(modules);
        problems = List.copyOf(problems);
    }
}
