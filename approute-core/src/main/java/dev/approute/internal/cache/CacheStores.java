package dev.approute.internal.cache;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The one place a cache URL ({@code --cache-url}, {@code APPROUTE_CACHE_URL}) becomes a {@link CacheHandler}: the
 * {@link CacheHandlerProvider} on the module path that handles the URL's scheme opens it.
 *
 * <pre>{@code
 * CacheHandler shared = CacheStores.open("redis://cache.internal:6379/0?prefix=shop:");
 * }</pre>
 */
public final class CacheStores {
    private CacheStores() {
    }

    /** @throws IllegalArgumentException when the URL is malformed or no provider handles its scheme (says which exist) */
    public static CacheHandler open(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + redacted(url) + "' is not a URL (" + e.getReason()
                    + "): write it as redis://host:6379/0");
        }
        if (uri.getScheme() == null || uri.isOpaque()) {   // "localhost:6379" reads as scheme "localhost"
            throw new IllegalArgumentException("'" + redacted(url) + "' is not a scheme://host URL: write it as"
                    + " redis://host:6379/0");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        TreeSet<String> known = new TreeSet<>();
        for (CacheHandlerProvider provider : ServiceLoader.load(CacheHandlerProvider.class)) {
            if (provider.schemes().contains(scheme)) {
                return provider.open(uri);
            }
            known.addAll(provider.schemes());
        }
        throw new IllegalArgumentException("no cache store handles '" + scheme + "://' URLs"
                + (known.isEmpty() ? " (no store module is on the module path: redis:// needs approute-redis beside approute-core)"
                        : ": use one of " + String.join(", ", known.stream().map(s -> s + "://").toList())));
    }

    /** The URL with its password replaced by {@code ***}, for messages and logs. */
    public static String redacted(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return url;
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = url.length();
        for (char delimiter : new char[] {'/', '?', '#'}) {
            int at = url.indexOf(delimiter, authorityStart);
            if (at >= 0 && at < authorityEnd) {
                authorityEnd = at;
            }
        }
        int userInfoEnd = url.lastIndexOf('@', authorityEnd - 1);
        if (userInfoEnd < authorityStart) {
            return url;
        }
        // user:password hides the password; a lone secret (redis://secret@host) is a password too.
        int colon = url.indexOf(':', authorityStart);
        int secretStart = colon < 0 || colon > userInfoEnd ? authorityStart : colon + 1;
        return url.substring(0, secretStart) + "***" + url.substring(userInfoEnd);
    }
}
