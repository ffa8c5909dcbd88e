package dev.approute.internal.runtime;

import java.util.List;

import dev.approute.internal.app.Problem;
import dev.approute.internal.router.RouteTable;

/**
 * One consistent view of the app the dispatcher serves: the route table and the approute.json rules, or (in dev,
 * after a failed compile) the problems to show instead.
 */
public record AppRoutes(RouteTable<Endpoint> table, List<Problem> problems, ConfigRules rules) {
    public AppRoutes(RouteTable<Endpoint> table, List<Problem> problems) {
        this(table, problems, ConfigRules.DEFAULTS);
    }

    public static AppRoutes of(RouteTable<Endpoint> table) {
        return new AppRoutes(table, List.of(), ConfigRules.DEFAULTS);
    }

    public static AppRoutes of(RouteTable<Endpoint> table, ConfigRules rules) {
        return new AppRoutes(table, List.of(), rules);
    }

    public boolean broken() {
        return !problems.isEmpty();
    }
}
