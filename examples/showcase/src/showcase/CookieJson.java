package showcase;

import dev.approute.Cookie;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Cookies as Next.js's {@code JSON.stringify} shows them: a request cookie is {@code {name, value}}; a
 * response-store cookie also carries the attributes that are set ({@code path}, {@code expires} as an ISO date, ...).
 */
public final class CookieJson {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CookieJson() {
    }

    /** {@code request.cookies.get(name)}: name and value only; null stays null. */
    public static Map<String, Object> requestCookie(Cookie cookie) {
        if (cookie == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", cookie.name());
        out.put("value", cookie.value());
        return out;
    }

    /** {@code cookies().get(name)}: name, value and every attribute that is set; null stays null. */
    public static Map<String, Object> storeCookie(Cookie cookie) {
        if (cookie == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", cookie.name());
        out.put("value", cookie.value());
        if (cookie.expires() != null) {
            out.put("expires", ISO_MILLIS.format(cookie.expires()));
        }
        if (cookie.maxAge() != null) {
            out.put("maxAge", cookie.maxAge());
        }
        if (cookie.domain() != null) {
            out.put("domain", cookie.domain());
        }
        if (cookie.path() != null) {
            out.put("path", cookie.path());
        }
        if (cookie.secure()) {
            out.put("secure", true);
        }
        if (cookie.httpOnly()) {
            out.put("httpOnly", true);
        }
        if (cookie.sameSite() != null) {
            out.put("sameSite", cookie.sameSite());
        }
        if (cookie.partitioned()) {
            out.put("partitioned", true);
        }
        if (cookie.priority() != null) {
            out.put("priority", cookie.priority());
        }
        return out;
    }
}
