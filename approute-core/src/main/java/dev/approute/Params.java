package dev.approute;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dynamic segments a URL matched, percent-decoded once per segment.
 * {@code [slug]} gives one value; {@code [...slug]} and {@code [[...slug]]} give a list;
 * an optional catch-all that matched nothing is absent, not empty. Params never come from the query or headers.
 *
 * <pre>{@code
 * // app/api/shop/[tag]/[item]/route.java, GET /api/shop/1/2
 * ctx.params().get("tag");        // "1"
 * // app/api/catch/[...slug]/route.java, GET /api/catch/a/b
 * ctx.params().getAll("slug");    // ["a", "b"]
 * }</pre>
 */
public final class Params {
    private static final Params EMPTY = new Params(Map.of());

    // Values are String ([x]) or List<String> (catch-alls).
    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = values;
    }

    public static Params empty() {
        return EMPTY;
    }

    /** Values are {@code String} or {@code List<String>}; insertion order is kept. */
    public static Params of(Map<String, ?> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        Map<String, Object> copy = new LinkedHashMap<>(values.size() * 2);
        values.forEach((name, value) -> {
            if (value instanceof String text) {
                copy.put(name, text);
            } else if (value instanceof List<?> list) {
                for (Object element : list) {
                    if (!(element instanceof String)) {
                        throw new IllegalArgumentException("Param '" + name + "' must hold only Strings, got " + element);
                    }
                }
                copy.put(name, List.copyOf(list)); // no copy when the list is already immutable
            } else {
                throw new IllegalArgumentException("Param '" + name + "' must be a String or a List<String>, got " + value);
            }
        });
        return new Params(Collections.unmodifiableMap(copy));
    }

    /** The value of a {@code [name]} segment; for a catch-all, its segments joined with {@code /}. Null when absent. */
    @SuppressWarnings("unchecked")
    public String get(String name) {
        Object value = values.get(name);
        if (value instanceof List<?> list) {
            return String.join("/", (List<String>) list);
        }
        return (String) value;
    }

    /** The segments of a catch-all; a single-segment param as a one-element list; empty when absent. */
    @SuppressWarnings("unchecked")
    public List<String> getAll(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<String>) list : List.of((String) value);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Name to {@code String} or {@code List<String>}: what a JSON echo of the params shows. */
    public Map<String, Object> toMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Params params && params.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
