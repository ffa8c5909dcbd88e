package dev.approute;

import java.util.List;

/**
 * The cookies a request sent, parsed as Next.js does: {@code "; "}-separated pairs, values percent-decoded,
 * the last of a repeated name wins, a bare {@code name} has the value {@code "true"}.
 *
 * <pre>{@code
 * Cookie token = request.cookies().get("token");   // null when absent
 * }</pre>
 */
public interface RequestCookies {
    /** The cookie named {@code name}, or null. */
    Cookie get(String name);

    boolean has(String name);

    /** Every cookie, in the order the request sent them. */
    List<Cookie> getAll();

    default int size() {
        return getAll().size();
    }
}
