package dev.approute.internal.compile;

/** The seven methods a route file may export, in the order Next.js documents them. */
public enum HttpMethod {
    GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS;

    /** The method named exactly {@code name} (upper-case), or null. No regex, no exception: used per request. */
    public static HttpMethod of(String name) {
        return switch (name) {
            case "GET" -> GET;
            case "POST" -> POST;
            case "PUT" -> PUT;
            case "PATCH" -> PATCH;
            case "DELETE" -> DELETE;
            case "HEAD" -> HEAD;
            case "OPTIONS" -> OPTIONS;
            default -> null;
        };
    }
}
