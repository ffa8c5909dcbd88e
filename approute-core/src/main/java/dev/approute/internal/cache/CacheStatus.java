package dev.approute.internal.cache;

/** What {@link ResponseCache} did, sent as {@code x-approute-cache} (Next's {@code x-nextjs-cache}). */
public enum CacheStatus {
    /** Rendered for this request (nothing stored, expired, or revalidated with {@code expire: 0}). */
    MISS,
    /** Served from the store, fresh. */
    HIT,
    /** Served from the store past its revalidate time; one background regeneration is running. */
    STALE;

    public static final String HEADER = "x-approute-cache";
}
