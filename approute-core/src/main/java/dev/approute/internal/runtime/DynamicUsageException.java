package dev.approute.internal.runtime;

import java.util.Set;

/**
 * A {@code dynamic = "error"} route's render called a request-time API. Such a route promises to be static, so its
 * build fails (and a later render fails the same way, keeping any cached response) instead of silently serving a
 * response built from empty headers, cookies or query.
 */
final class DynamicUsageException extends RuntimeException {
    private final Set<String> apis;

    DynamicUsageException(String route, Set<String> apis) {
        super("Route " + route + " with `dynamic = \"error\"` couldn't be rendered statically because it used "
                + String.join(", ", apis.stream().map(api -> "`" + api + "`").toList()), null, false, false);
        this.apis = Set.copyOf(apis);
    }

    Set<String> apis() {
        return apis;
    }

    /** How to fix it, for the build's problem report. */
    String fix() {
        return "read request data only in routes that run on every request: remove the " + String.join(", ", apis)
                + " call(s) from this GET, or set `static final String dynamic = \"force-dynamic\";`"
                + " (or \"force-static\" to render once with them empty)";
    }
}
