package dev.approute.internal.server;

import java.util.Locale;
import java.util.Set;

/**
 * Request headers that only a framework may set, dropped from what clients send before anything reads the request
 * (CVE-2025-29927: Next.js trusted {@code x-middleware-subrequest} from the network and skipped middleware).
 * approute interprets none of Next's internal headers; dropping them also means a handler (or a later middleware)
 * can never be fooled by one, and a handler that proxies to a Next.js app cannot forward one.
 */
final class ReservedHeaders {
    private static final String[] PREFIXES = {
            "x-approute-",   // ours: x-approute-cache and whatever comes next
            "x-middleware-", // Next's middleware protocol: subrequest, rewrite, redirect, next, skip, override-headers, set-cookie, request-*
            "x-invoke-",     // Next 13's router-server to render-worker protocol: path, query, status, error, output
    };

    // Next.js: INTERNAL_HEADERS (server/lib/server-ipc/utils.ts) and the revalidation headers of lib/constants.ts.
    private static final Set<String> NAMES = Set.of(
            "x-now-route-matches", "x-matched-path", "x-nextjs-data", "x-nextjs-request-id", "x-nextjs-html-request-id",
            "x-next-resume-state-length", "next-resume",
            "x-prerender-revalidate", "x-prerender-revalidate-if-generated", "x-next-revalidate-tag-token",
            "x-next-revalidated-tags", "x-next-cache-tags", "x-next-cache-soft-tags");

    private ReservedHeaders() {
    }

    static boolean isReserved(String name) {
        for (String prefix : PREFIXES) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        // Every reserved name starts with x- or next-: most headers are decided without lower-casing.
        return (name.regionMatches(true, 0, "x-", 0, 2) || name.regionMatches(true, 0, "next-", 0, 5))
                && NAMES.contains(name.toLowerCase(Locale.ROOT));
    }
}
