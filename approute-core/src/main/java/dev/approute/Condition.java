package dev.approute;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code has} or {@code missing} item of a middleware {@link Matcher} (Next.js's
 * {@code {type: 'header', key: 'x-beta', value: '1'}}): a header, cookie, query parameter or the host, present with
 * any value, or with one of the values listed. Values compare exactly; unlike Next.js they are not regular
 * expressions (no regex runs per request).
 *
 * <pre>{@code
 * Condition.header("authorization")          // the header is sent, with any value
 * Condition.cookie("beta", "1", "true")      // the cookie's value is "1" or "true"
 * Condition.query("preview")                 // ?preview=... is present
 * Condition.host("admin.example.com")        // the Host (without port), compared case-insensitively
 * }</pre>
 */
public final class Condition {
    /** Where the condition looks. */
    public enum Type { HEADER, COOKIE, QUERY, HOST }

    private final Type type;
    private final String key;
    private final List<String> values;

    private Condition(Type type, String key, List<String> values) {
        this.type = type;
        this.key = key;
        this.values = values;
    }

    /** The request header {@code name} (case-insensitive), with any value or one of {@code values}. */
    public static Condition header(String name, String... values) {
        return new Condition(Type.HEADER, checkKey("header", name).toLowerCase(Locale.ROOT), checkValues(values));
    }

    /** The cookie {@code name}, with any value or one of {@code values}. */
    public static Condition cookie(String name, String... values) {
        return new Condition(Type.COOKIE, checkKey("cookie", name), checkValues(values));
    }

    /** The query parameter {@code name} (its first value), with any value or one of {@code values}. */
    public static Condition query(String name, String... values) {
        return new Condition(Type.QUERY, checkKey("query", name), checkValues(values));
    }

    /** The host the client addressed (without port) is one of {@code hosts}. */
    public static Condition host(String... hosts) {
        if (hosts.length == 0) {
            throw new IllegalArgumentException("Condition.host needs at least one host name, e.g. Condition.host(\"example.com\")");
        }
        return new Condition(Type.HOST, null, checkValues(hosts).stream().map(host -> host.toLowerCase(Locale.ROOT)).toList());
    }

    public Type type() {
        return type;
    }

    /** The header, cookie or query parameter name; null for {@link Type#HOST}. */
    public String key() {
        return key;
    }

    /** The accepted values; empty when any value (presence alone) satisfies the condition. */
    public List<String> values() {
        return values;
    }

    private static String checkKey(String kind, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Condition." + kind + " needs a name, e.g. Condition." + kind + "(\"x-beta\")");
        }
        return name;
    }

    private static List<String> checkValues(String[] values) {
        for (String value : values) {
            Objects.requireNonNull(value, "a Condition value cannot be null; leave the values out to accept any value");
        }
        return List.of(values);
    }

    @Override
    public String toString() {
        String name = type.name().toLowerCase(Locale.ROOT);
        return name + (key == null ? "" : " " + key) + (values.isEmpty() ? "" : " = " + String.join("|", values));
    }
}
