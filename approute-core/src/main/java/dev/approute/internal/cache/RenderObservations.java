package dev.approute.internal.cache;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a render did that decides whether its response may be shared: request data it read, and the tags of the
 * data it used. Collected by a {@link RenderObserver}.
 *
 * @param readCookies       the handler read the request's cookies (CVE-2025-57752 class: never stored)
 * @param readAuthorization the handler read {@code Authorization}/{@code Proxy-Authorization} (never stored)
 * @param tags              tags of the data used; they attach to the stored entry
 * @param dynamicUsages     the request-time APIs the render called ({@code "headers"},
 *                          {@code "cookies"}, {@code "searchParams"}, uncached data): a cached render sees them
 *                          empty, and a {@code dynamic = "error"} route fails its build when it calls any
 * @param uncachedData      data read with caching turned off ({@code "fetch GET https://..."}): the response is
 *                          not stored (Next makes such a route dynamic); empty for a {@code force-static} route
 */
public record RenderObservations(boolean readCookies, boolean readAuthorization, Set<String> tags, Set<String> dynamicUsages,
                                 Set<String> uncachedData) {
    public static final RenderObservations NONE = new RenderObservations(false, false, Set.of(), Set.of(), Set.of());

    public RenderObservations {
        tags = sortedCopy(tags);
        dynamicUsages = sortedCopy(dynamicUsages);
        uncachedData = sortedCopy(uncachedData);
    }

    public RenderObservations(boolean readCookies, boolean readAuthorization, Set<String> tags, Set<String> dynamicUsages) {
        this(readCookies, readAuthorization, tags, dynamicUsages, Set.of());
    }

    public RenderObservations(boolean readCookies, boolean readAuthorization, Set<String> tags) {
        this(readCookies, readAuthorization, tags, Set.of());
    }

    public static RenderObservations tagged(String... tags) {
        return new RenderObservations(false, false, Set.of(tags));
    }

    private static Set<String> sortedCopy(Set<String> values) {
        return values == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(values));
    }
}
