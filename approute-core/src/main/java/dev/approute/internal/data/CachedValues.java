package dev.approute.internal.data;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.approute.Headers;
import dev.approute.internal.cache.CacheEntry;
import dev.approute.internal.json.Json;

/**
 * {@code Cache.cached(keyParts, type, options, loader)}: a value kept in the {@link DataCache} as JSON, under a key
 * made of the key parts and the type. Every call, the first included, returns a value decoded from that JSON, so
 * each caller gets its own copy and a type that does not survive JSON fails on the first call, not after a restart.
 *
 * <pre>{@code
 * User user = CachedValues.get(context, List.of("user", id), User.class, DataRevalidate.seconds(60), Set.of("users"),
 *         () -> db.user(id));
 * }</pre>
 */
public final class CachedValues {
    private static final System.Logger LOG = System.getLogger("dev.approute.cache");
    private static final Headers JSON = Headers.of("content-type", "application/json");
    // A value with no visible properties would be stored as {} and come back empty: refuse it instead.
    private static final ObjectWriter WRITER = Json.mapper().writer().with(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private CachedValues() {
    }

    /**
     * @param revalidate seconds (0: not cached) or never
     * @throws Exception what the loader threw
     */
    public static <T> T get(DataContext context, List<String> keyParts, Type type, DataRevalidate revalidate,
                            Set<String> tags, Callable<T> loader) throws Exception {
        DataReads.tagsRead(tags);
        if (DataReads.insideLoader()) {
            return loader.call();
        }
        String what = "Cache.cached " + keyParts;
        if (revalidate.seconds() == 0 || context.route().fetchCache().equals(FetchPolicy.FORCE_NO_STORE)) {
            DataReads.uncachedRead(context.route(), what);
            DataReads.Collected<T> collected = DataReads.collect(loader);
            DataReads.tagsRead(collected.tags());
            return collected.value();
        }
        JavaType javaType = Json.mapper().getTypeFactory().constructType(type);
        String key = DataKeys.cached(keyParts, type.getTypeName());
        DataCache cache = context.cache();
        DataCache.Loader load = () -> load(what, loader, revalidate, tags, cache.clock().instant());
        CacheEntry entry = cache.read(key, revalidate.entrySeconds(), DataReads.renderingCachedResponse(), load);
        DataReads.tagsRead(entry.tags());
        try {
            return decode(entry, javaType);
        } catch (IOException stale) {
            // Stored by an earlier version of the type (a field renamed, a record changed): load it anew.
            LOG.log(Level.WARNING, what + ": the stored value no longer decodes as " + type.getTypeName()
                    + " (" + stale.getMessage() + "); loading it again");
            entry = cache.reload(key, load);
            DataReads.tagsRead(entry.tags());
            try {
                return decode(entry, javaType);
            } catch (IOException e) {
                throw new IllegalStateException(what + ": the value does not decode as " + type.getTypeName()
                        + " from its own JSON (" + e.getMessage() + ")\n    fix: cache a type Jackson can read back: "
                        + "a record, a class with a constructor and setters or fields, a List or Map of those", e);
            }
        }
    }

    private static <T> DataCache.Loaded load(String what, Callable<T> loader, DataRevalidate revalidate,
                                             Set<String> tags, Instant started) throws Exception {
        DataReads.Collected<T> collected = DataReads.collect(loader);
        byte[] json;
        try {
            json = WRITER.writeValueAsBytes(collected.value());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + ": the value (" + collected.value().getClass().getName()
                    + ") cannot be stored as JSON: " + e.getOriginalMessage()
                    + "\n    fix: return a record, a class with getters or public fields, or a List or Map of those", e);
        }
        Set<String> allTags = new LinkedHashSet<>(tags);
        allTags.addAll(collected.tags());
        Integer seconds = revalidate.entrySeconds();
        return DataCache.Loaded.storable(new CacheEntry(200, JSON, json, started, seconds,
                Fetcher.expireFor(started, seconds), allTags));
    }

    private static <T> T decode(CacheEntry entry, JavaType type) throws IOException {
        return Json.mapper().readValue(entry.body(), type);
    }
}
