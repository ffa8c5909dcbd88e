package dev.approute.internal.router;

import dev.approute.Params;

/**
 * The route a path matched and the params it captured (percent-decoded once, per segment).
 *
 * <pre>{@code
 * RouteMatch<AppEntry> match = table.match("/items/a%2Fb");
 * match.pattern();               // /items/[slug]
 * match.params().get("slug");    // "a/b"
 * }</pre>
 */
public record RouteMatch<T>(T value, RoutePattern pattern, Params params) {
}
