package dev.approute.internal.router;

import java.util.ArrayList;
import java.util.List;

/**
 * A URL pattern such as {@code /api/items/[slug]} or {@code /docs/[[...path]]}, as a list of segments.
 * The root is {@code /} with no segments. Immutable.
 */
public final class RoutePattern {
    private final List<Segment> segments;
    private final String text;
    private final boolean dynamic;

    private RoutePattern(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        StringBuilder out = new StringBuilder();
        for (Segment segment : this.segments) {
            out.append('/').append(segment);
        }
        this.text = out.isEmpty() ? "/" : out.toString();
        this.dynamic = this.segments.stream().anyMatch(segment -> segment.kind() != SegmentKind.STATIC);
    }

    public static RoutePattern of(List<Segment> segments) {
        return new RoutePattern(segments);
    }

    /**
     * Parses {@code /a/[b]/[...c]}. Only the bracket syntax is read here; whether names repeat or a
     * catch-all is last is checked by the route validation, which can name the files involved.
     *
     * @throws IllegalArgumentException for a malformed bracket segment
     */
    public static RoutePattern parse(String pattern) {
        List<Segment> segments = new ArrayList<>();
        for (String part : pattern.split("/")) {
            if (!part.isEmpty()) {
                segments.add(parseSegment(part));
            }
        }
        return new RoutePattern(segments);
    }

    /** {@code [x]}, {@code [...x]}, {@code [[...x]]}, or a static segment. */
    public static Segment parseSegment(String part) {
        if (part.startsWith("[[...") && part.endsWith("]]") && part.length() > 7) {
            return new Segment(SegmentKind.OPTIONAL_CATCH_ALL, part.substring(5, part.length() - 2));
        }
        if (part.startsWith("[...") && part.endsWith("]") && part.length() > 5) {
            return new Segment(SegmentKind.CATCH_ALL, part.substring(4, part.length() - 1));
        }
        if (part.startsWith("[") && part.endsWith("]") && part.length() > 2) {
            return new Segment(SegmentKind.DYNAMIC, part.substring(1, part.length() - 1));
        }
        return new Segment(SegmentKind.STATIC, part);
    }

    public List<Segment> segments() {
        return segments;
    }

    public boolean isDynamic() {
        return dynamic;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoutePattern pattern && pattern.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
