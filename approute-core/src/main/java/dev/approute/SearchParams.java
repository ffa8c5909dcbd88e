package dev.approute;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.approute.internal.util.PercentDecoding;

/**
 * The query of a URL, as the Web {@code URLSearchParams}: ordered, repeatable names; {@code +} is a space;
 * malformed escapes are kept as text rather than rejected.
 *
 * <pre>{@code
 * // GET /api/search?query=hello&a=1&a=2
 * SearchParams sp = request.nextUrl().searchParams();
 * sp.get("query");     // "hello"
 * sp.getAll("a");      // ["1", "2"]
 * sp.has("missing");   // false
 * }</pre>
 */
public final class SearchParams {
    private static final SearchParams EMPTY = new SearchParams(List.of());

    private final List<Map.Entry<String, String>> entries;

    private SearchParams(List<Map.Entry<String, String>> entries) {
        this.entries = entries;
    }

    public static SearchParams empty() {
        return EMPTY;
    }

    /** Parses {@code a=1&b=2} (a leading {@code ?} is ignored) as application/x-www-form-urlencoded. */
    public static SearchParams parse(String query) {
        if (query == null || query.isEmpty() || query.equals("?")) {
            return EMPTY;
        }
        int start = query.charAt(0) == '?' ? 1 : 0;
        List<Map.Entry<String, String>> list = new ArrayList<>();
        int length = query.length();
        while (start <= length) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                int equals = query.indexOf('=', start);
                String name;
                String value;
                if (equals < 0 || equals > end) {
                    name = query.substring(start, end);
                    value = "";
                } else {
                    name = query.substring(start, equals);
                    value = query.substring(equals + 1, end);
                }
                list.add(Map.entry(PercentDecoding.decodeFormLenient(name), PercentDecoding.decodeFormLenient(value)));
            }
            start = end + 1;
        }
        return list.isEmpty() ? EMPTY : new SearchParams(List.copyOf(list));
    }

    /** Alternating names and values. */
    public static SearchParams of(String... namesAndValues) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            list.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new SearchParams(List.copyOf(list));
    }

    /** The first value of {@code name}, or null. */
    public String get(String name) {
        for (var entry : entries) {
            if (entry.getKey().equals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>();
        for (var entry : entries) {
            if (entry.getKey().equals(name)) {
                values.add(entry.getValue());
            }
        }
        return values;
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    /** Every name/value pair in order. */
    public List<Map.Entry<String, String>> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A copy with {@code name=value} appended. */
    public SearchParams append(String name, String value) {
        List<Map.Entry<String, String>> list = new ArrayList<>(entries);
        list.add(Map.entry(name, value));
        return new SearchParams(List.copyOf(list));
    }

    /** A copy where {@code name} has the single value {@code value}. */
    public SearchParams set(String name, String value) {
        return delete(name).append(name, value);
    }

    public SearchParams delete(String name) {
        List<Map.Entry<String, String>> list = new ArrayList<>(entries.size());
        for (var entry : entries) {
            if (!entry.getKey().equals(name)) {
                list.add(entry);
            }
        }
        return new SearchParams(List.copyOf(list));
    }

    /** The application/x-www-form-urlencoded serialization, without {@code ?}: {@code query=a+b&x=%26}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (var entry : entries) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            // URLEncoder implements the WHATWG urlencoded serializer: keeps *-._ and alphanumerics, space as '+'.
            out.append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SearchParams params && params.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }
}
