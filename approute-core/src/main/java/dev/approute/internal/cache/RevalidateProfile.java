package dev.approute.internal.cache;

/**
 * The second argument of {@code revalidateTag(tag, profile)}: how long entries built from the tag may still be
 * served (as STALE, while one regeneration runs) before they must not be served at all.
 *
 * <ul>
 *   <li>{@link #MAX} ({@code 'max'}): entries turn stale now; the next request gets the old body as STALE and starts
 *       a regeneration, the one after gets the new body (SPEC 12.11).</li>
 *   <li>{@link #EXPIRE_NOW} ({@code {expire: 0}}): entries are gone now; the next request is a MISS (SPEC 12.10).
 *       {@code revalidatePath} uses this one (SPEC 12.9).</li>
 *   <li>{@link #expireAfter(long)} ({@code {expire: n}}): stale now, served STALE for at most n seconds more.</li>
 * </ul>
 *
 * @param expireSeconds seconds after the revalidation when affected entries expire; negative: never (stale only)
 */
public record RevalidateProfile(long expireSeconds) {
    public static final RevalidateProfile MAX = new RevalidateProfile(-1);
    public static final RevalidateProfile EXPIRE_NOW = new RevalidateProfile(0);

    public static RevalidateProfile expireAfter(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("expire must be >= 0 seconds, got " + seconds);
        }
        return new RevalidateProfile(seconds);
    }

    /** {@code 'max'} or a number of seconds as text ({@code "0"}); what a config file or CLI flag holds. */
    public static RevalidateProfile parse(String profile) {
        if (profile == null || profile.equals("max")) {
            return MAX;
        }
        try {
            return expireAfter(Long.parseLong(profile.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Unknown revalidate profile '" + profile
                    + "': use 'max' or an expire time in seconds (0 = expire now)");
        }
    }

    public boolean expires() {
        return expireSeconds >= 0;
    }
}
