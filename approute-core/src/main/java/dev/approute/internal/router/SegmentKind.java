package dev.approute.internal.router;

/** What a URL segment of a route pattern matches, in precedence order (static wins). */
public enum SegmentKind {
    /** {@code api}: exactly this text (compared after percent-decoding the request segment). */
    STATIC,
    /** {@code [slug]}: any one segment. */
    DYNAMIC,
    /** {@code [...slug]}: one or more segments; must be last. */
    CATCH_ALL,
    /** {@code [[...slug]]}: zero or more segments; must be last. */
    OPTIONAL_CATCH_ALL
}
