package dev.approute.internal.runtime;

import dev.approute.CookieStore;
import dev.approute.Request;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.data.DataCache;
import dev.approute.internal.data.DataContext;
import dev.approute.internal.data.DataRoute;

/**
 * What {@code Current} reaches: the request on this thread and its cookie store, and where its data reads go.
 * A handler runs on its own virtual thread, so a thread-local is exactly request-scoped.
 */
public final class RequestScope {
    private static final ThreadLocal<RequestScope> CURRENT = new ThreadLocal<>();

    private final Request request;
    private final CookieJar cookies;
    private final ResponseCache cache;
    private final DataContext data;

    /**
     * @param cache the app's response cache, or null where there is none (dev)
     * @param data  the app's data cache and the route being handled, for {@code Fetch} and {@code Cache.cached}
     */
    public RequestScope(Request request, CookieJar cookies, ResponseCache cache, DataContext data) {
        this.request = request;
        this.cookies = cookies;
        this.cache = cache;
        this.data = data;
    }

    /** A scope whose data reads use the process's data cache and no route config. */
    public RequestScope(Request request, CookieJar cookies, ResponseCache cache) {
        this(request, cookies, cache, new DataContext(DataCache.processDefault(), DataRoute.OUTSIDE_REQUEST));
    }

    /** The app's response cache, or null when responses are not cached (dev). */
    public ResponseCache cache() {
        return cache;
    }

    public DataContext data() {
        return data;
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

    /** The scope on this thread, or null outside a request. */
    public static RequestScope currentOrNull() {
        return CURRENT.get();
    }

    /** The data context of the request on this thread; outside a request, the process's data cache and fetchCache auto. */
    public static DataContext dataContext() {
        RequestScope scope = CURRENT.get();
        return scope != null ? scope.data : new DataContext(DataCache.processDefault(), DataRoute.OUTSIDE_REQUEST);
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
