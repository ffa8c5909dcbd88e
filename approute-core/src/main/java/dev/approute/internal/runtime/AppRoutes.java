package dev.approute.internal.runtime;

import java.util.List;

import dev.approute.internal.app.Problem;
import dev.approute.internal.router.RouteTable;

/**
 * One consistent view of the app the dispatcher serves: the route table, the approute.json rules and the middleware,
 * or (in dev, after a failed compile) the problems to show instead.
 *
 * @param middleware {@code middleware.java} with its matcher, or null when the app has none
 */
public record AppRoutes(RouteTable<Endpoint> table, List<Problem> problems, ConfigRules rules, MiddlewareStep middleware) {
    public AppRoutes(RouteTable<Endpoint> table, List<Problem> problems) {
        this(table, problems, ConfigRules.DEFAULTS, null);
    }

    public static AppRoutes of(RouteTable<Endpoint> table) {
        return new AppRoutes(table, List.of(), ConfigRules.DEFAULTS, null);
    }

    public static AppRoutes of(RouteTable<Endpoint> table, ConfigRules rules) {
        return new AppRoutes(table, List.of(), rules, null);
    }

    public static AppRoutes of(RouteTable<Endpoint> table, ConfigRules rules, MiddlewareStep middleware) {
        return new AppRoutes(table, List.of(), rules, middleware);
    }

    public boolean broken() {
        return !problems.isEmpty();
    }
}
