package dev.approute.internal.runtime;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import dev.approute.internal.compile.HttpMethod;
import dev.approute.internal.compile.RouteHandler;

/**
 * What each request method does on one route, decided once at load (Next.js's auto-implement-methods):
 * a declared handler runs; HEAD without its own handler runs GET and drops the body; OPTIONS without its own
 * handler answers 204 with {@code Allow}; anything else, including methods outside the seven, is 405 with
 * {@code Allow} (RFC 9110 §15.5.6: a 405 must carry Allow).
 */
public final class MethodTable {
    /** What to do for a request method. */
    public enum Action { CALL, HEAD_FROM_GET, AUTO_OPTIONS, NOT_ALLOWED }

    private final Map<HttpMethod, RouteHandler> handlers;
    private final String allow;

    private MethodTable(Map<HttpMethod, RouteHandler> handlers, String allow) {
        this.handlers = handlers;
        this.allow = allow;
    }

    public static MethodTable of(Map<HttpMethod, RouteHandler> declared) {
        Map<HttpMethod, RouteHandler> handlers = declared.isEmpty() ? new EnumMap<>(HttpMethod.class) : new EnumMap<>(declared);
        return new MethodTable(handlers, allowHeader(handlers.keySet()));
    }

    /** Allow = declared ∪ {OPTIONS} ∪ {HEAD if GET}, sorted, joined with ", " (as Next.js). */
    public static String allowHeader(Set<HttpMethod> declared) {
        Set<String> names = new TreeSet<>();
        declared.forEach(method -> names.add(method.name()));
        names.add("OPTIONS");
        if (declared.contains(HttpMethod.GET)) {
            names.add("HEAD");
        }
        StringJoiner joined = new StringJoiner(", ");
        names.forEach(joined::add);
        return joined.toString();
    }

    public Action action(HttpMethod method) {
        if (method == null) {
            return Action.NOT_ALLOWED;
        }
        if (handlers.containsKey(method)) {
            return Action.CALL;
        }
        if (method == HttpMethod.HEAD && handlers.containsKey(HttpMethod.GET)) {
            return Action.HEAD_FROM_GET;
        }
        if (method == HttpMethod.OPTIONS) {
            return Action.AUTO_OPTIONS;
        }
        return Action.NOT_ALLOWED;
    }

    public RouteHandler handler(HttpMethod method) {
        return handlers.get(method);
    }

    public String allow() {
        return allow;
    }
}
