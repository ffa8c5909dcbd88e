package dev.approute.internal.data;

/**
 * A data read's own {@code revalidate}: seconds (0 = not cached) or {@link #NEVER} ({@code false}: only a tag
 * revalidation makes the entry stale). Where a read says nothing, callers pass null.
 *
 * @param seconds seconds, or -1 for never
 */
public record DataRevalidate(int seconds) {
    public static final DataRevalidate NEVER = new DataRevalidate(-1);

    public DataRevalidate {
        if (seconds < -1) {
            throw new IllegalArgumentException("revalidate must be >= 0 seconds or false, got " + seconds);
        }
    }

    public static DataRevalidate seconds(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("revalidate must be >= 0 seconds (or false), got " + seconds);
        }
        return new DataRevalidate(seconds);
    }

    public boolean never() {
        return seconds < 0;
    }

    /** The entry's revalidate: null for never. */
    public Integer entrySeconds() {
        return never() ? null : seconds;
    }

    /** As written in a route file: {@code 60} or {@code false}. */
    @Override
    public String toString() {
        return never() ? "false" : Integer.toString(seconds);
    }
}
