package dev.approute;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
    private static final Params EMPTY = new Params(new Object[0]);

    // Name at 2i, value at 2i + 1: a String ([x]) or an immutable List<String> (catch-alls), in match order.
    // A flat array rather than a map: routes have a handful of params, and the router builds one per request.
    private final Object[] entries;

    private Params(Object[] entries) {
        this.entries = entries;
    }

    public static Params empty() {
        return EMPTY;
    }

    /** Values are {@code String} or {@code List<String>}; insertion order is kept. */
    public static Params of(Map<String, ?> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        Object[] entries = new Object[2 * values.size()];
        int i = 0;
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            entries[i++] = entry.getKey();
            entries[i++] = entry.getValue();
        }
        return checked(entries);
    }

    /**
     * Params from alternating names and values, in order: {@code Params.of("tag", "1", "slug", List.of("a", "b"))}.
     * Values are {@code String} or {@code List<String>}.
     */
    public static Params of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Params.of needs name/value pairs, got an odd count: " + namesAndValues.length);
        }
        return namesAndValues.length == 0 ? EMPTY : checked(namesAndValues.clone());
    }

    // Validates and freezes `entries` in place; the caller hands over an array nobody else holds.
    private static Params checked(Object[] entries) {
        for (int i = 0; i < entries.length; i += 2) {
            if (!(entries[i] instanceof String name)) {
                throw new IllegalArgumentException("A param name must be a String, got " + entries[i]);
            }
            for (int j = 0; j < i; j += 2) {
                if (entries[j].equals(name)) {
                    throw new IllegalArgumentException("Param '" + name + "' is given twice");
                }
            }
            Object value = entries[i + 1];
            if (value instanceof List<?> list) {
                for (Object element : list) {
                    if (!(element instanceof String)) {
                        throw new IllegalArgumentException("Param '" + name + "' must hold only Strings, got " + element);
                    }
                }
                entries[i + 1] = List.copyOf(list); // no copy when the list is already immutable
            } else if (!(value instanceof String)) {
                throw new IllegalArgumentException("Param '" + name + "' must be a String or a List<String>, got " + value);
            }
        }
        return new Params(entries);
    }

    /** The value of a {@code [name]} segment; for a catch-all, its segments joined with {@code /}. Null when absent. */
    @SuppressWarnings("unchecked")
    public String get(String name) {
        Object value = value(name);
        if (value instanceof List<?> list) {
            return String.join("/", (List<String>) list);
        }
        return (String) value;
    }

    /** The segments of a catch-all; a single-segment param as a one-element list; empty when absent. */
    @SuppressWarnings("unchecked")
    public List<String> getAll(String name) {
        Object value = value(name);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<String>) list : List.of((String) value);
    }

    public boolean has(String name) {
        return value(name) != null;
    }

    public Set<String> names() {
        return toMap().keySet();
    }

    public boolean isEmpty() {
        return entries.length == 0;
    }

    /** Name to {@code String} or {@code List<String>}, in order: what a JSON echo of the params shows. Unmodifiable. */
    public Map<String, Object> toMap() {
        return new EntriesView(entries);
    }

    private Object value(String name) {
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i].equals(name)) {
                return entries[i + 1];
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }

    /** Equal when the same names hold equal values, in whatever order (as two maps are). */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Params params) || params.entries.length != entries.length) {
            return false;
        }
        for (int i = 0; i < entries.length; i += 2) {
            if (!entries[i + 1].equals(params.value((String) entries[i]))) {
                return false;
            }
        }
        return true;
    }

    /** {@link Map#hashCode()} of {@link #toMap()}. */
    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < entries.length; i += 2) {
            hash += entries[i].hashCode() ^ entries[i + 1].hashCode();
        }
        return hash;
    }

    /** The entries seen as an unmodifiable, ordered map (AbstractMap refuses every change). */
    private static final class EntriesView extends AbstractMap<String, Object> {
        private final Object[] entries;

        EntriesView(Object[] entries) {
            this.entries = entries;
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < entries.length;
                        }

                        @Override
                        public Map.Entry<String, Object> next() {
                            if (next >= entries.length) {
                                throw new NoSuchElementException();
                            }
                            Map.Entry<String, Object> entry = Map.entry((String) entries[next], entries[next + 1]);
                            next += 2;
                            return entry;
                        }
                    };
                }

                @Override
                public int size() {
                    return entries.length / 2;
                }
            };
        }
    }
}
