package dev.approute.internal.cache;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import dev.approute.Headers;
import dev.approute.internal.util.IdentityMemo;

/**
 * The caching policy of GET responses, free of any HTTP engine: for one request to a cached route it answers
 * HIT (fresh entry), STALE (entry past its revalidate time: served once more while exactly one background
 * regeneration per key runs) or MISS (nothing usable stored: render now, store when {@link Storability} allows).
 *
 * <pre>{@code
 * ResponseCache cache = new ResponseCache(TieredCacheHandler.defaultFor(dir, 64L << 20), Clock.systemUTC());
 *
 * // per GET or HEAD request to a route whose CachePolicy is present:
 * ServedResponse served = cache.serve(CacheKey.of(canonicalPath, route.pattern()), policy, () -> renderAsGet(route));
 * exchange.send(served.status(), null, served.headers(), isHead ? null : served.body());
 *
 * // from revalidatePath / revalidateTag:
 * cache.revalidatePath("/api/tagged");                            // next request: MISS
 * cache.revalidateTag("demo-tag", RevalidateProfile.MAX);         // next request: STALE, then HIT with the new body
 * }</pre>
 *
 * The renderer must render as a GET of the stripped request (no query, headers or cookies), even when a HEAD
 * triggered it, must not depend on the calling request's thread state (a STALE hands it to a background virtual
 * thread), and must report what it observed ({@link RenderObserver}). Its exceptions propagate on a MISS (the
 * dispatcher answers 500) and are logged on a regeneration (the stale entry stays).
 *
 * <p>Headers: every cacheable answer carries {@code x-approute-cache} and the policy's {@code Cache-Control}
 * ({@code s-maxage=31536000} for static, {@code s-maxage=N, stale-while-revalidate=<31536000-N>} for revalidate N)
 * unless the handler set its own, which is kept (Next 16's app-route template: "If cache control is already set on
 * the response we don't override it"; metadata routes rely on it for {@code public, max-age=0, must-revalidate}). A MISS that may not be stored keeps the handler's headers and
 * gets {@code Cache-Control: private, no-cache, no-store, max-age=0, must-revalidate} unless it set its own, so no
 * shared cache downstream keeps what approute refused to keep.
 *
 * <p>Single-flight is per key within this JVM: with a shared store (Redis) each node may regenerate once.
 */
public final class ResponseCache {
    private static final System.Logger LOG = System.getLogger("dev.approute.cache");

    /** Next's header for responses that must not be cached by anyone. */
    public static final String NO_STORE_CACHE_CONTROL = "private, no-cache, no-store, max-age=0, must-revalidate";

    /** Headers never stored with an entry: framing and per-response headers, and the ones the cache sets itself. */
    private static final Set<String> UNSTORED_HEADERS = Set.of(CacheStatus.HEADER, "content-length",
            "transfer-encoding", "connection", "keep-alive", "date", "age", "trailer", "upgrade");

    /** What happens in the background, for logs and tests; the default logs. Methods must not throw. */
    public interface Listener {
        default void notStored(CacheKey key, Storability.NotStored reason) {
        }

        default void regenerated(CacheKey key, CacheEntry entry) {
        }

        default void regenerationFailed(CacheKey key, Throwable error) {
        }

        /** The store threw on {@code get}, {@code set} or {@code revalidateTag}; the request was served anyway. */
        default void storeFailed(String operation, String keyOrTag, RuntimeException error) {
        }
    }

    /** Logs through {@code System.Logger} "dev.approute.cache". */
    public static final Listener LOGGING = new Listener() {
        @Override
        public void notStored(CacheKey key, Storability.NotStored reason) {
            LOG.log(Level.DEBUG, () -> "Not cached " + key.value() + ": " + reason.message());
        }

        @Override
        public void regenerationFailed(CacheKey key, Throwable error) {
            LOG.log(Level.WARNING, "Regenerating " + key.value() + " failed; the stale response is kept and served", error);
        }

        @Override
        public void storeFailed(String operation, String keyOrTag, RuntimeException error) {
            LOG.log(Level.WARNING, "Cache store " + operation + " failed for " + keyOrTag + ": " + error.getMessage(), error);
        }
    };

    private final CacheHandler store;
    private final InstantSource clock;
    private final Executor regenerator;
    private final Listener listener;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> regenerating = new ConcurrentHashMap<>();
    // A fresh entry is answered the same way on every hit: its HIT response is derived once per entry instance
    // (the store hands out the same instance until it changes), not rebuilt per request.
    private final IdentityMemo<CacheEntry, Hit> hits = new IdentityMemo<>(64, null);

    private record Hit(CachePolicy policy, ServedResponse served) {
    }

    /** Regenerations on fresh virtual threads, problems logged. */
    public ResponseCache(CacheHandler store, InstantSource clock) {
        this(store, clock, task -> Thread.ofVirtual().name("approute-regenerate").start(task), LOGGING);
    }

    public ResponseCache(CacheHandler store, InstantSource clock, Executor regenerator, Listener listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.regenerator = Objects.requireNonNull(regenerator, "regenerator");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public CacheHandler store() {
        return store;
    }

    public InstantSource clock() {
        return clock;
    }

    /**
     * Answers one GET (or HEAD) request to a cached route.
     *
     * @param render renders the route as a GET; called now on a MISS, or in the background on a STALE
     * @throws Exception what {@code render} threw on a MISS
     */
    public ServedResponse serve(CacheKey key, CachePolicy policy, Callable<CachedResponse> render) throws Exception {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(render, "render");
        Instant now = clock.instant();
        Optional<CacheEntry> found = read(key);
        if (found.isPresent()) {
            CacheEntry entry = found.get();
            switch (entry.freshness(now)) {
                case FRESH -> {
                    Hit hit = hits.get(entry, fresh -> new Hit(policy, fromEntry(CacheStatus.HIT, fresh, policy)));
                    return hit.policy().equals(policy) ? hit.served() : fromEntry(CacheStatus.HIT, entry, policy);
                }
                case STALE -> {
                    regenerate(key, policy, render);
                    return fromEntry(CacheStatus.STALE, entry, policy);
                }
                case EXPIRED -> {
                    // rendered below, as if nothing were stored
                }
            }
        }
        CachedResponse rendered = render.call();
        Optional<Storability.NotStored> notStored = Storability.check(rendered);
        if (notStored.isPresent()) {
            listener.notStored(key, notStored.get());
            Headers.Builder headers = rendered.headers().toBuilder().remove(CacheStatus.HEADER)
                    .set(CacheStatus.HEADER, CacheStatus.MISS.name());
            if (!headers.has("cache-control")) {
                headers.set("cache-control", NO_STORE_CACHE_CONTROL);
            }
            return new ServedResponse(CacheStatus.MISS, rendered.status(), headers.build(), rendered.bodyUnsafe(),
                    notStored.get());
        }
        CacheEntry entry = toEntry(key, policy, rendered, now);
        write(key, entry);
        return fromEntry(CacheStatus.MISS, entry, policy);
    }

    /** {@code revalidatePath(path)}: the entry of that path (or of every path of that route pattern) is gone: MISS. */
    public void revalidatePath(String path) {
        revalidateTag0(CacheKey.pathTag(path), RevalidateProfile.EXPIRE_NOW);
    }

    /**
     * {@code revalidatePath(path, type)}: {@code "page"} (or null) as {@link #revalidatePath(String)};
     * {@code "layout"}: every entry at or under {@code path}.
     */
    public void revalidatePath(String path, String type) {
        if (type == null || type.equals("page")) {
            revalidatePath(path);
        } else if (type.equals("layout")) {
            revalidateTag0(CacheKey.layoutTag(path), RevalidateProfile.EXPIRE_NOW);
        } else {
            throw new IllegalArgumentException("revalidatePath type must be 'page' or 'layout', got '" + type + "'");
        }
    }

    /** {@code revalidateTag(tag, profile)}: {@link RevalidateProfile#MAX} makes entries STALE, EXPIRE_NOW a MISS. */
    public void revalidateTag(String tag, RevalidateProfile profile) {
        String problem = RenderObserver.validate(tag);
        if (problem != null) {
            throw new IllegalArgumentException("revalidateTag: " + problem);
        }
        revalidateTag0(tag, profile);
    }

    /** Completes when every regeneration running now has finished (for shutdown and tests). */
    public CompletableFuture<Void> whenIdle() {
        return CompletableFuture.allOf(regenerating.values().toArray(CompletableFuture[]::new));
    }

    /** Whether a regeneration of {@code key} is running. */
    public boolean isRegenerating(CacheKey key) {
        return regenerating.containsKey(key.value());
    }

    private void revalidateTag0(String tag, RevalidateProfile profile) {
        Objects.requireNonNull(profile, "profile");
        try {
            store.revalidateTag(tag, clock.instant(), profile);
        } catch (RuntimeException e) {
            listener.storeFailed("revalidateTag", tag, e);
            throw e;
        }
    }

    // Single-flight: the first caller for a key starts the one regeneration; later callers find it running.
    private void regenerate(CacheKey key, CachePolicy policy, Callable<CachedResponse> render) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (regenerating.putIfAbsent(key.value(), done) != null) {
            return;
        }
        try {
            regenerator.execute(() -> runRegeneration(key, policy, render, done));
        } catch (RejectedExecutionException e) {
            regenerating.remove(key.value(), done);
            done.complete(null);
            listener.regenerationFailed(key, e);
        }
    }

    private void runRegeneration(CacheKey key, CachePolicy policy, Callable<CachedResponse> render,
                                 CompletableFuture<Void> done) {
        try {
            Instant started = clock.instant();
            CachedResponse rendered = render.call();
            Optional<Storability.NotStored> notStored = Storability.check(rendered);
            if (notStored.isPresent()) {
                listener.notStored(key, notStored.get());
                return;
            }
            CacheEntry entry = toEntry(key, policy, rendered, started);
            if (write(key, entry)) {
                listener.regenerated(key, entry);
            }
        } catch (Throwable e) {
            listener.regenerationFailed(key, e);
        } finally {
            // Removed only after the new entry is stored: a request in between finds it and is a HIT, or finds the
            // stale one and this regeneration still running, never a second regeneration.
            regenerating.remove(key.value(), done);
            done.complete(null);
        }
    }

    private Optional<CacheEntry> read(CacheKey key) {
        try {
            return store.get(key.value());
        } catch (RuntimeException e) {
            listener.storeFailed("get", key.value(), e);
            return Optional.empty();
        }
    }

    private boolean write(CacheKey key, CacheEntry entry) {
        try {
            store.set(key.value(), entry);
            return true;
        } catch (RuntimeException e) {
            listener.storeFailed("set", key.value(), e);
            return false;
        }
    }

    static CacheEntry toEntry(CacheKey key, CachePolicy policy, CachedResponse rendered, Instant created) {
        Headers.Builder headers = rendered.headers().toBuilder();
        UNSTORED_HEADERS.forEach(headers::remove);
        Set<String> tags = new LinkedHashSet<>(rendered.observed().tags());
        tags.addAll(key.implicitTags());
        return new CacheEntry(rendered.status(), headers.build(), rendered.bodyUnsafe(), created,
                policy.revalidateSeconds(), policy.expireFor(created), tags);
    }

    private static ServedResponse fromEntry(CacheStatus status, CacheEntry entry, CachePolicy policy) {
        Headers.Builder headers = entry.headers().toBuilder();
        if (!headers.has("cache-control")) {
            headers.set("cache-control", policy.cacheControl());
        }
        headers.set(CacheStatus.HEADER, status.name());
        return new ServedResponse(status, entry.status(), headers.build(), entry.body(), null);
    }
}
