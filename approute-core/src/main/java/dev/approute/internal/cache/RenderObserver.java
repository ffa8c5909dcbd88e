package dev.approute.internal.cache;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request-scoped collector behind {@link RenderObservations}: while a cached route renders, data APIs report
 * the tags of what they fetched and request APIs report reads of cookies and credentials; the tags end up on the
 * stored entry, so revalidating a tag invalidates every response built from it.
 *
 * <pre>{@code
 * // the dispatcher, around the handler call of a cached route:
 * RenderObserver observer = new RenderObserver();
 * Response response = observer.observe(() -> handler.handle(request, context));
 * ... CachedResponse.complete(status, headers, body, observer.observations());
 *
 * // a data API (an unstable_cache equivalent), anywhere below the handler on its thread:
 * RenderObserver.addTags("products");
 * // the request's cookie/header accessors:
 * RenderObserver.noteCookiesRead();
 * // a request-time API (what dynamic = "error" forbids):
 * RenderObserver.noteDynamicUsage("headers");
 * // data read with caching turned off (the response is then not stored):
 * RenderObserver.noteUncachedData("fetch GET https://api.example.com/stock");
 * }</pre>
 * The static methods reach the observer of the current thread and do nothing outside a render. Work handed to
 * other threads does not inherit it: capture {@link #current()} and call the instance methods there. Thread-safe.
 */
public final class RenderObserver {
    /** Next's limits: a tag is at most 256 characters, an entry carries at most 128 explicit tags. */
    public static final int MAX_TAG_LENGTH = 256;
    public static final int MAX_TAGS = 128;

    private static final System.Logger LOG = System.getLogger("dev.approute.cache");
    private static final ThreadLocal<RenderObserver> CURRENT = new ThreadLocal<>();

    private final Set<String> tags = ConcurrentHashMap.newKeySet();
    private final Set<String> dynamicUsages = ConcurrentHashMap.newKeySet();
    private final Set<String> uncachedData = ConcurrentHashMap.newKeySet();
    private volatile boolean readCookies;
    private volatile boolean readAuthorization;

    public static Optional<RenderObserver> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code render} with this observer current on this thread (restoring the previous one after). */
    public <T> T observe(Callable<T> render) throws Exception {
        RenderObserver previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return render.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void addTags(String... tags) {
        RenderObserver observer = CURRENT.get();
        if (observer != null) {
            observer.tag(tags);
        }
    }

    public static void noteCookiesRead() {
        RenderObserver observer = CURRENT.get();
        if (observer != null) {
            observer.cookiesRead();
        }
    }

    public static void noteAuthorizationRead() {
        RenderObserver observer = CURRENT.get();
        if (observer != null) {
            observer.authorizationRead();
        }
    }

    /**
     * Records that the render called a request-time API ({@code "headers"}, {@code "cookies"},
     * {@code "searchParams"}, or uncached data): what a {@code dynamic = "error"} build check reports.
     */
    public static void noteDynamicUsage(String api) {
        RenderObserver observer = CURRENT.get();
        if (observer != null) {
            observer.dynamicUsages.add(api);
        }
    }

    /**
     * Records that the render read data with caching turned off ({@code "fetch GET https://..."}): its response is
     * served but not stored, so the route renders on every request (Next makes such a route dynamic).
     */
    public static void noteUncachedData(String what) {
        RenderObserver observer = CURRENT.get();
        if (observer != null) {
            observer.uncachedData.add(what);
        }
    }

    /** Adds tags; an empty, over-long or control-character tag, or one past {@link #MAX_TAGS}, is logged and dropped. */
    public void tag(String... newTags) {
        for (String tag : newTags) {
            String problem = validate(tag);
            if (problem != null) {
                LOG.log(System.Logger.Level.WARNING, "Cache tag dropped: " + problem);
            } else if (tags.size() >= MAX_TAGS && !tags.contains(tag)) {
                LOG.log(System.Logger.Level.WARNING, "Cache tag '" + tag + "' dropped: a response carries at most "
                        + MAX_TAGS + " tags");
            } else {
                tags.add(tag);
            }
        }
    }

    public void cookiesRead() {
        readCookies = true;
    }

    public void authorizationRead() {
        readAuthorization = true;
    }

    public RenderObservations observations() {
        return new RenderObservations(readCookies, readAuthorization, Set.copyOf(tags), Set.copyOf(dynamicUsages),
                Set.copyOf(uncachedData));
    }

    /** Why {@code tag} cannot be used, or null when it can. */
    public static String validate(String tag) {
        if (tag == null || tag.isEmpty()) {
            return "a tag cannot be empty";
        }
        if (tag.length() > MAX_TAG_LENGTH) {
            return "tag '" + tag.substring(0, 32) + "...' is longer than " + MAX_TAG_LENGTH + " characters";
        }
        for (int i = 0; i < tag.length(); i++) {
            if (Character.isISOControl(tag.charAt(i))) {
                return "tag contains a control character";
            }
        }
        if (tag.startsWith(CacheKey.IMPLICIT_TAG_PREFIX)) {
            return "tag '" + tag + "' uses the reserved prefix " + CacheKey.IMPLICIT_TAG_PREFIX;
        }
        return null;
    }
}
