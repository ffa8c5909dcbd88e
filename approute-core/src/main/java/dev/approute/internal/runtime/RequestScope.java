package dev.approute.internal.runtime;

import dev.approute.CookieStore;
import dev.approute.Request;
import dev.approute.internal.cache.ResponseCache;

/**
 * What {@code Current} reaches: the request on this thread and its cookie store.
 * A handler runs on its own virtual thread, so a thread-local is exactly request-scoped.
 */
public final class RequestScope {
    private static final ThreadLocal<RequestScope> CURRENT = new ThreadLocal<>();

    private final Request request;
    private final CookieJar cookies;
    private final ResponseCache cache;

    /** @param cache the app's response cache, or null where there is none (dev) */
    public RequestScope(Request request, CookieJar cookies, ResponseCache cache) {
        this.request = request;
        this.cookies = cookies;
        this.cache = cache;
    }

    /** The app's response cache, or null when responses are not cached (dev). */
    public ResponseCache cache() {
        return cache;
    }

    public Request request() {
        return request;
    }

    public CookieStore cookies() {
        return cookies;
    }

    public CookieJar cookieJar() {
        return cookies;
    }

    public static RequestScope current(String caller) {
        RequestScope scope = CURRENT.get();
        if (scope == null) {
            throw new IllegalStateException(caller + " was called outside a request: call it from a route handler "
                    + "(or code it calls) on the handler's own thread");
        }
        return scope;
    }

    /** Runs {@code body} with this scope current, restoring the previous one after. */
    public <T> T run(ScopedCall<T> body) throws Throwable {
        RequestScope previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    @FunctionalInterface
    public interface ScopedCall<T> {
        T call() throws Throwable;
    }
}
