package dev.approute.internal.router;

/**
 * One segment of a route pattern.
 *
 * @param value the literal text for {@link SegmentKind#STATIC} (already decoded: {@code %5Funder} is {@code _under}),
 *              else the param name ({@code slug})
 */
public record Segment(SegmentKind kind, String value) {
    @Override
    public String toString() {
        return switch (kind) {
            case STATIC -> value;
            case DYNAMIC -> "[" + value + "]";
            case CATCH_ALL -> "[..." + value + "]";
            case OPTIONAL_CATCH_ALL -> "[[..." + value + "]]";
        };
    }
}
