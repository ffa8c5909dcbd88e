package dev.approute;

import dev.approute.internal.cache.RenderObserver;
import dev.approute.internal.runtime.RequestScope;

/**
 * The request being handled, reachable from any code a handler calls (Next.js's {@code headers()} and
 * {@code cookies()} from {@code next/headers}). Only valid on the handler's thread, during the request.
 *
 * <pre>{@code
 * String referer = Current.headers().get("referer");
 * Current.cookies().set("b", "1");
 * }</pre>
 */
public final class Current {
    private Current() {
    }

    /** The request headers, read-only. */
    public static Headers headers() {
        return RequestScope.current("Current.headers()").request().headers();
    }

    /** The request's cookies; cookies set or deleted here are added to the response. */
    public static CookieStore cookies() {
        RequestScope scope = RequestScope.current("Current.cookies()");
        RenderObserver.noteDynamicUsage("cookies");
        return scope.cookies();
    }

    public static Request request() {
        return RequestScope.current("Current.request()").request();
    }
}
