package dev.approute;

/**
 * The request's cookies plus the cookies this response will set: {@link Current#cookies()}.
 * Whatever is set or deleted here is added as {@code Set-Cookie} to the response the handler returns,
 * after the response's own {@code Set-Cookie} headers, also when the handler redirects.
 *
 * <pre>{@code
 * CookieStore cookies = Current.cookies();
 * Cookie a = cookies.get("a");
 * cookies.set("b", "1");          // Set-Cookie: b=1; Path=/
 * cookies.delete("c");            // Set-Cookie: c=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT
 * }</pre>
 */
public interface CookieStore extends RequestCookies {
    /** Sets a cookie with {@code Path=/}. */
    default CookieStore set(String name, String value) {
        return set(Cookie.of(name, value));
    }

    /** Sets a cookie; a missing path becomes {@code /}, a {@code maxAge} also sets {@code Expires}. */
    CookieStore set(Cookie cookie);

    /** Expires the cookie in the browser. */
    CookieStore delete(String name);
}
