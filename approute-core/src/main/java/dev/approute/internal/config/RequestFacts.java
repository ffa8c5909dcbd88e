package dev.approute.internal.config;

/**
 * What a {@code has} / {@code missing} condition may look at in a request. The runtime adapts its exchange to this,
 * parsing cookies and the query only when a condition asks.
 */
public interface RequestFacts {
    /** The header's value (repeated values joined with {@code ", "}), or null when absent. */
    String header(String name);

    /** The cookie's value, or null when absent. */
    String cookie(String name);

    /** The query parameter's first value, or null when absent. */
    String query(String name);

    /** The host name the client addressed, lower-case, without the port. */
    String host();
}
