package dev.approute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A route's CORS policy, declared beside its handlers as {@code static final Cors cors}. approute answers the
 * preflight (as the automatic OPTIONS, plus the CORS headers) and adds the headers to every answer of the route; an
 * origin the policy does not list gets no {@code Access-Control-*} header. It replaces an approute.json {@code cors}
 * entry for this route.
 *
 * <pre>{@code
 * class Route {
 *     static final Cors cors = Cors.allowOrigins("https://app.example.com")
 *             .allowHeaders("Content-Type", "Authorization").allowCredentials().maxAge(600);
 *
 *     static Response POST(Request request) { ... }
 * }
 * }</pre>
 *
 * A mistake (an origin with a path, credentials with {@code "*"}) throws when the class loads, so {@code build} and
 * {@code dev} report it with the route file.
 */
public final class Cors {
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final List<String> origins;
    private final List<String> methods;
    private final List<String> headers;
    private final List<String> exposed;
    private final boolean credentials;
    private final Integer maxAge;

    private Cors(List<String> origins, List<String> methods, List<String> headers, List<String> exposed, boolean credentials,
                 Integer maxAge) {
        this.origins = origins;
        this.methods = methods;
        this.headers = headers;
        this.exposed = exposed;
        this.credentials = credentials;
        this.maxAge = maxAge;
    }

    /**
     * The origins allowed to call the route: exact origins ({@code https://app.example.com}, scheme and host and an
     * optional port) or {@code "*"} for any.
     */
    public static Cors allowOrigins(String... origins) {
        if (origins.length == 0) {
            throw new IllegalArgumentException("Cors.allowOrigins needs at least one origin, e.g. Cors.allowOrigins(\"https://app.example.com\")");
        }
        List<String> list = new ArrayList<>();
        for (String origin : origins) {
            list.add(checkOrigin(origin));
        }
        return new Cors(List.copyOf(list), null, List.of(), List.of(), false, null);
    }

    /** The methods a preflight may ask for; without this, the route's own methods (its {@code Allow}). */
    public Cors allowMethods(String... names) {
        List<String> list = new ArrayList<>();
        for (String name : names) {
            String method = name == null ? "" : name.toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("Cors.allowMethods: \"" + name + "\" is not one of " + String.join(", ", METHODS));
            }
            list.add(method);
        }
        return new Cors(origins, List.copyOf(list), headers, exposed, credentials, maxAge);
    }

    /** Request headers a cross-origin call may send beyond the CORS-safelisted ones ({@code Content-Type: application/json} needs this). */
    public Cors allowHeaders(String... names) {
        return new Cors(origins, methods, checkNames("allowHeaders", names), exposed, credentials, maxAge);
    }

    /** Response headers the calling page may read beyond the safelisted ones. */
    public Cors exposeHeaders(String... names) {
        return new Cors(origins, methods, headers, checkNames("exposeHeaders", names), credentials, maxAge);
    }

    /** Lets the page send cookies and read the answer ({@code Access-Control-Allow-Credentials: true}); never with {@code "*"}. */
    public Cors allowCredentials() {
        if (origins.contains("*")) {
            throw new IllegalArgumentException("Cors.allowCredentials() with allowOrigins(\"*\"): browsers refuse it, and it would "
                    + "let every site act as the signed-in user; list the exact origins instead");
        }
        return new Cors(origins, methods, headers, exposed, true, maxAge);
    }

    /** Seconds a browser may cache the preflight answer. */
    public Cors maxAge(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("Cors.maxAge(" + seconds + "): seconds must be >= 0");
        }
        return new Cors(origins, methods, headers, exposed, credentials, seconds);
    }

    /** Lower-case origins, or {@code "*"}. */
    public List<String> origins() {
        return origins;
    }

    /** The methods a preflight may ask for, or null for the route's own. */
    public List<String> methods() {
        return methods;
    }

    public List<String> headers() {
        return headers;
    }

    public List<String> exposedHeaders() {
        return exposed;
    }

    public boolean credentials() {
        return credentials;
    }

    /** Seconds, or null when not set. */
    public Integer maxAge() {
        return maxAge;
    }

    private static String checkOrigin(String origin) {
        if ("*".equals(origin)) {
            return origin;
        }
        int schemeEnd = origin == null ? -1 : origin.indexOf("://");
        String rest = schemeEnd < 0 ? "" : origin.substring(schemeEnd + 3);
        if (schemeEnd <= 0 || rest.isEmpty() || rest.contains("/") || rest.contains("*")) {
            throw new IllegalArgumentException("Cors.allowOrigins: \"" + origin + "\" is not an origin; write scheme://host[:port] "
                    + "with no path, e.g. \"https://app.example.com\", or \"*\"");
        }
        return origin.toLowerCase(Locale.ROOT);
    }

    private static List<String> checkNames(String method, String... names) {
        for (String name : names) {
            if (name == null || name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':' && c != ',')) {
                throw new IllegalArgumentException("Cors." + method + ": \"" + name + "\" is not a header name");
            }
        }
        return List.of(names);
    }

    @Override
    public String toString() {
        return "Cors" + origins;
    }
}
