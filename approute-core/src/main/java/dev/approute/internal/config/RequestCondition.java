package dev.approute.internal.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One {@code has} or {@code missing} item of a rule: {@code {"type": "header", "key": "x-beta", "value": "1"}}.
 *
 * <p>Next.js reads {@code value} as a regex; approute matches it as a literal, or as one of literals separated by
 * {@code |} ({@code "1|true"}), so that no regex runs per request. Other regex syntax is refused at load.
 *
 * @param values the accepted values, or null when any value (presence alone) satisfies the condition
 */
public record RequestCondition(Type type, String key, Set<String> values) {
    /** Where the condition looks. */
    public enum Type {
        HEADER, COOKIE, QUERY, HOST;

        static final List<String> NAMES = List.of("header", "cookie", "query", "host");
    }

    /** The value the request holds for this condition, or null when it has none. */
    String valueIn(RequestFacts request) {
        return switch (type) {
            case HEADER -> request.header(key);
            case COOKIE -> request.cookie(key);
            case QUERY -> request.query(key);
            case HOST -> request.host();
        };
    }

    boolean holds(RequestFacts request) {
        String value = valueIn(request);
        if (value == null) {
            return false;
        }
        return values == null || values.contains(type == Type.HOST ? value.toLowerCase(Locale.ROOT) : value);
    }

    /** The parameter a satisfied valueless {@code has} item provides ({@code x-user} → {@code xuser}), as Next.js. */
    String paramName() {
        if (type == Type.HOST) {
            return "host";
        }
        StringBuilder name = new StringBuilder();
        for (char c : key.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                name.append(c);
            }
        }
        return name.toString();
    }

    /**
     * All {@code has} items hold and no {@code missing} item does.
     *
     * @return the parameters the {@code has} items captured (empty when none), or null when the conditions fail
     */
    static Map<String, String> test(List<RequestCondition> has, List<RequestCondition> missing, RequestFacts request) {
        Map<String, String> params = has.isEmpty() ? Map.of() : new java.util.LinkedHashMap<>();
        for (RequestCondition condition : has) {
            if (!condition.holds(request)) {
                return null;
            }
            if (condition.values() == null || condition.type() == Type.HOST) {
                params.put(condition.paramName(), condition.valueIn(request));
            }
        }
        for (RequestCondition condition : missing) {
            if (condition.holds(request)) {
                return null;
            }
        }
        return params;
    }
}
