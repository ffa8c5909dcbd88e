package dev.approute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Immutable HTTP headers: names are case-insensitive, a name may carry several values.
 * Modeled on the Web {@code Headers}: {@link #get} joins repeated values with {@code ", "}.
 *
 * <pre>{@code
 * String referer = request.headers().get("referer");        // null when absent
 * List<String> all = request.headers().getAll("x-multi");   // every value, in order
 * }</pre>
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(new TreeMap<>());

    // Keys are lower-case; TreeMap keeps iteration sorted like the Web Headers iterator.
    private final TreeMap<String, List<String>> values;

    private Headers(TreeMap<String, List<String>> values) {
        this.values = values;
    }

    public static Headers empty() {
        return EMPTY;
    }

    /** Headers from alternating names and values: {@code Headers.of("content-type", "text/plain")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Headers.of needs name/value pairs, got an odd count: " + namesAndValues.length);
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    public static Headers of(Map<String, String> map) {
        Builder builder = builder();
        map.forEach(builder::set);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All values of {@code name} joined with {@code ", "}, or null when absent. */
    public String get(String name) {
        List<String> list = values.get(lower(name));
        if (list == null) {
            return null;
        }
        return list.size() == 1 ? list.get(0) : String.join(", ", list);
    }

    public List<String> getAll(String name) {
        List<String> list = values.get(lower(name));
        return list == null ? List.of() : list;
    }

    public boolean has(String name) {
        return values.containsKey(lower(name));
    }

    /** Lower-case names, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Calls {@code action} once per value, names lower-case and sorted. */
    public void forEach(BiConsumer<String, String> action) {
        values.forEach((name, list) -> list.forEach(value -> action.accept(name, value)));
    }

    /** Lower-case name to joined value, sorted; what a JSON echo of the headers shows. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((name, list) -> map.put(name, get(name)));
        return map;
    }

    /** A copy with one more value for {@code name} (after its existing values); one map copy, lists shared. */
    public Headers plus(String name, String value) {
        String key = Builder.checkName(name);
        String checked = Builder.checkValue(name, value);
        TreeMap<String, List<String>> copy = new TreeMap<>(values);
        List<String> existing = copy.get(key);
        if (existing == null) {
            copy.put(key, List.of(checked));
        } else {
            List<String> joined = new ArrayList<>(existing.size() + 1);
            joined.addAll(existing);
            joined.add(checked);
            copy.put(key, List.copyOf(joined));
        }
        return new Headers(copy);
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        values.forEach((name, list) -> builder.values.put(name, new ArrayList<>(list)));
        return builder;
    }

    /** Values of {@code Authorization}, {@code Cookie}, {@code Set-Cookie} and {@code Proxy-Authorization} are redacted. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Headers{");
        boolean first = true;
        for (var entry : values.entrySet()) {
            for (String value : entry.getValue()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(entry.getKey()).append('=').append(isSecret(entry.getKey()) ? "██" : value);
            }
        }
        return out.append('}').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Headers headers && headers.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    static boolean isSecret(String lowerName) {
        return switch (lowerName) {
            case "authorization", "cookie", "set-cookie", "proxy-authorization" -> true;
            default -> false;
        };
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Mutable builder; {@link #build()} snapshots it. */
    public static final class Builder {
        private final TreeMap<String, List<String>> values = new TreeMap<>();

        private Builder() {
        }

        /** Replaces every value of {@code name}. */
        public Builder set(String name, String value) {
            List<String> list = new ArrayList<>(1);
            list.add(checkValue(name, value));
            values.put(checkName(name), list);
            return this;
        }

        /** Adds a value after the existing ones. */
        public Builder add(String name, String value) {
            values.computeIfAbsent(checkName(name), key -> new ArrayList<>(1)).add(checkValue(name, value));
            return this;
        }

        public Builder remove(String name) {
            values.remove(lower(name));
            return this;
        }

        public boolean has(String name) {
            return values.containsKey(lower(name));
        }

        public Headers build() {
            if (values.isEmpty()) {
                return EMPTY;
            }
            TreeMap<String, List<String>> copy = new TreeMap<>();
            values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
            return new Headers(copy);
        }

        // RFC 9110 §5.1: a field name is a token.
        private static String checkName(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("A header name cannot be empty");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                    throw new IllegalArgumentException("Invalid header name '" + name + "': character '" + c + "' is not allowed (RFC 9110 §5.1)");
                }
            }
            return lower(name);
        }

        // RFC 9110 §5.5: no CR, LF or NUL in a field value (prevents response splitting).
        private static String checkValue(String name, String value) {
            if (value == null) {
                throw new IllegalArgumentException("Header '" + name + "' has a null value");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    throw new IllegalArgumentException("Header '" + name + "' contains CR, LF or NUL, which would split the response (RFC 9110 §5.5)");
                }
            }
            return value.strip();
        }
    }
}
