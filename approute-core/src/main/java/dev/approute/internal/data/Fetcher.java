package dev.approute.internal.data;

import java.time.Instant;
import java.util.Locale;

import dev.approute.FetchException;
import dev.approute.Headers;
import dev.approute.internal.cache.CacheEntry;
import dev.approute.internal.cache.CachePolicy;

/**
 * One {@code Fetch}: the route's {@code fetchCache} and the fetch's options decide ({@link FetchPolicy}); a cached fetch
 * goes through the {@link DataCache} under its {@link DataKeys#fetch key}; tags reach the response being rendered.
 *
 * <pre>{@code
 * Fetched fetched = Fetcher.fetch(context, request);   // context: the app's data cache and the current route
 * }</pre>
 */
public final class Fetcher {
    // Framing and per-connection headers: meaningless for a stored copy.
    private static final java.util.Set<String> UNSTORED_HEADERS = java.util.Set.of("connection", "keep-alive",
            "transfer-encoding", "content-length", "date", "age", "trailer", "upgrade");

    private Fetcher() {
    }

    /**
     * @throws FetchException         when no response arrives
     * @throws IllegalStateException  when the fetch breaks the route's {@code fetchCache}
     * @throws IllegalArgumentException when the fetch's options contradict each other
     */
    public static Fetched fetch(DataContext context, FetchRequest request) {
        DataReads.tagsRead(request.tags());
        if (DataReads.insideLoader()) {
            return HttpFetcher.send(request);
        }
        FetchPolicy.Decision decision = FetchPolicy.decide(context.route(), request.cache(), request.revalidate(),
                request.plain(), "Fetch " + request.describe());
        if (!decision.cached()) {
            if (decision.optedOut()) {
                DataReads.uncachedRead(context.route(), "fetch " + request.describe());
            }
            return HttpFetcher.send(request);
        }
        String key = DataKeys.fetch(request.method(), request.uri().toString(), request.headers(), request.body());
        DataCache cache = context.cache();
        CacheEntry entry;
        try {
            entry = cache.read(key, decision.revalidateSeconds(), DataReads.renderingCachedResponse(),
                    () -> load(request, decision.revalidateSeconds(), cache.clock().instant()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new FetchException("Fetch " + request.describe() + " failed: " + e, e);
        }
        DataReads.tagsRead(entry.tags());
        return Fetched.of(entry);
    }

    private static DataCache.Loaded load(FetchRequest request, Integer revalidateSeconds, Instant started) {
        Fetched fetched = HttpFetcher.send(request);
        Headers.Builder headers = fetched.headers().toBuilder();
        UNSTORED_HEADERS.forEach(headers::remove);
        CacheEntry entry = new CacheEntry(fetched.status(), headers.build(), fetched.body(), started, revalidateSeconds,
                expireFor(started, revalidateSeconds), request.tags());
        // As Next: only a 200 is kept. An upstream that says no-store is believed, whatever the fetch asked.
        boolean storable = fetched.status() == 200 && !saysNoStore(fetched.headers());
        return new DataCache.Loaded(entry, storable);
    }

    /** Entries with a revalidate are never served past a year (as responses); without one, only a tag ends them. */
    static Instant expireFor(Instant created, Integer revalidateSeconds) {
        return revalidateSeconds == null ? null
                : created.plusSeconds(Math.max(CachePolicy.EXPIRE_SECONDS, revalidateSeconds));
    }

    private static boolean saysNoStore(Headers headers) {
        for (String value : headers.getAll("cache-control")) {
            for (String directive : value.split(",")) {
                if (directive.strip().toLowerCase(Locale.ROOT).equals("no-store")) {
                    return true;
                }
            }
        }
        return false;
    }
}
