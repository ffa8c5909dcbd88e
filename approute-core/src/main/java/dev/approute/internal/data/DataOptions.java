package dev.approute.internal.data;

import java.util.Set;

import dev.approute.internal.cache.RenderObserver;

/** Checks shared by the options of {@code Fetch} and {@code Cache.cached}: tags and {@code revalidate(false)}. */
public final class DataOptions {
    private DataOptions() {
    }

    /** Adds {@code tags} to {@code into}, refusing what {@code revalidateTag} could never reach. */
    public static void addTags(Set<String> into, String... tags) {
        for (String tag : tags) {
            String problem = RenderObserver.validate(tag);
            if (problem != null) {
                throw new IllegalArgumentException("Invalid cache tag: " + problem);
            }
            into.add(tag);
            if (into.size() > RenderObserver.MAX_TAGS) {
                throw new IllegalArgumentException("Too many cache tags: at most " + RenderObserver.MAX_TAGS
                        + " per data read (as Next.js)");
            }
        }
    }

    /** {@code revalidate(false)}; {@code true} has no meaning, as in Next. */
    public static DataRevalidate revalidate(boolean revalidate) {
        if (revalidate) {
            throw new IllegalArgumentException("revalidate(true) has no meaning: pass a number of seconds, or false to "
                    + "keep the data until a tag revalidation");
        }
        return DataRevalidate.NEVER;
    }
}
