package dev.approute;

import java.util.Objects;

import dev.approute.internal.cache.RenderObserver;

/**
 * The request URL, taken apart (Next.js's {@code request.nextUrl}). Immutable; {@code with...} returns a copy.
 * The pathname stays percent-encoded exactly as received.
 *
 * <pre>{@code
 * NextUrl url = request.nextUrl();
 * url.pathname();                      // "/api/items/caf%C3%A9"
 * url.searchParams().get("query");     // "hello"
 * url.withPathname("/login").href();   // "http://localhost:3000/login?query=hello"
 * }</pre>
 */
public final class NextUrl {
    private final String protocol;
    private final String host;
    private final String pathname;
    private final SearchParams searchParams;

    /**
     * @param protocol {@code "http:"} or {@code "https:"}
     * @param host     host and optional port, e.g. {@code localhost:3000}
     * @param pathname starts with {@code /}
     */
    public NextUrl(String protocol, String host, String pathname, SearchParams searchParams) {
        this.protocol = Objects.requireNonNull(protocol);
        this.host = Objects.requireNonNull(host);
        this.pathname = Objects.requireNonNull(pathname);
        this.searchParams = Objects.requireNonNull(searchParams);
    }

    public String protocol() {
        return protocol;
    }

    /** Host with port, when not the default. */
    public String host() {
        return host;
    }

    public String hostname() {
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
    }

    /** The port as written, or {@code ""}. */
    public String port() {
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(']') < colon ? host.substring(colon + 1) : "";
    }

    public String origin() {
        return protocol + "//" + host;
    }

    public String pathname() {
        return pathname;
    }

    public SearchParams searchParams() {
        RenderObserver.noteDynamicUsage("searchParams");
        return searchParams;
    }

    /** {@code "?a=1"}, or {@code ""} when there is no query. */
    public String search() {
        RenderObserver.noteDynamicUsage("searchParams");
        return query();
    }

    public String href() {
        return origin() + pathname + query();
    }

    private String query() {
        return searchParams.isEmpty() ? "" : "?" + searchParams;
    }

    /** An equal copy (the URL is immutable; kept for Next.js users' habits). */
    public NextUrl clone() {
        return this;
    }

    public NextUrl withPathname(String newPathname) {
        return new NextUrl(protocol, host, newPathname, searchParams);
    }

    public NextUrl withSearchParams(SearchParams newSearchParams) {
        return new NextUrl(protocol, host, pathname, newSearchParams);
    }

    public NextUrl withHost(String newHost) {
        return new NextUrl(protocol, newHost, pathname, searchParams);
    }

    @Override
    public String toString() {
        return href();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NextUrl url && url.href().equals(href());
    }

    @Override
    public int hashCode() {
        return href().hashCode();
    }
}
