package dev.approute;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.approute.internal.data.DataOptions;
import dev.approute.internal.data.DataRevalidate;

/**
 * How {@link Cache#cached} keeps a value (Next.js's {@code unstable_cache} options). Given to the options lambda.
 *
 * <pre>{@code
 * Cache.cached(List.of("user", id), User.class, options -> options.revalidate(3600).tags("users"), () -> db.user(id));
 * }</pre>
 * Without options a value is kept until a tag revalidation ({@code revalidate(false)}), with no tags.
 */
public final class CacheOptions {
    DataRevalidate revalidate = DataRevalidate.NEVER;
    final Set<String> tags = new LinkedHashSet<>();

    CacheOptions() {
    }

    /**
     * Seconds after which the value is stale: the next call returns it once more while one refresh runs in the
     * background. {@code 0}: not cached at all (the loader runs on every call).
     */
    public CacheOptions revalidate(int seconds) {
        this.revalidate = DataRevalidate.seconds(seconds);
        return this;
    }

    /** {@code revalidate(false)} (the default): stale only when one of its tags is revalidated. */
    public CacheOptions revalidate(boolean revalidate) {
        this.revalidate = DataOptions.revalidate(revalidate);
        return this;
    }

    /** Tags for {@link Cache#revalidateTag}; they also attach to the cached response being rendered. */
    public CacheOptions tags(String... newTags) {
        DataOptions.addTags(tags, newTags);
        return this;
    }
}
