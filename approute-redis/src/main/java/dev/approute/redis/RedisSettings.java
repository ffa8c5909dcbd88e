package dev.approute.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.approute.internal.cache.CacheStores;

/**
 * Where the shared cache lives and how to reach it, from a cache URL:
 *
 * <pre>{@code
 * redis://[user:password@]host[:port][/db][?prefix=approute:&timeout=200&pool=32]
 * rediss://...                                   TLS
 *
 * RedisSettings settings = RedisSettings.parse(URI.create("redis://cache.internal:6379/0?prefix=shop:"));
 * }</pre>
 *
 * @param tls          {@code rediss://}
 * @param host         the server's host name or address
 * @param port         6379 unless given
 * @param database     the logical database ({@code SELECT}), 0 unless given
 * @param user         ACL user, or null for the default user
 * @param password     or null when the server needs none
 * @param prefix       put before every key, so several apps can share one Redis ({@code approute:} unless given)
 * @param timeoutMillis connect, read and pool-wait timeout: a slower Redis is treated as down (the request renders)
 * @param poolSize     most connections open at once
 */
public record RedisSettings(boolean tls, String host, int port, int database, String user, String password,
                            String prefix, int timeoutMillis, int poolSize) {
    public static final String DEFAULT_PREFIX = "approute:";
    public static final int DEFAULT_TIMEOUT_MILLIS = 200;
    public static final int DEFAULT_POOL_SIZE = 32;
    private static final int DEFAULT_PORT = 6379;
    private static final String FORM = "redis://[user:password@]host[:port][/db][?prefix=approute:&timeout=200&pool=32]";

    /** @throws IllegalArgumentException naming the part of the URL that is wrong and the form it should have */
    public static RedisSettings parse(URI url) {
        String shown = CacheStores.redacted(url.toString());
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw problem(shown, "the scheme must be redis:// or rediss:// (TLS)");
        }
        String host = url.getHost();
        int port = url.getPort();
        if (host == null && url.getRawAuthority() != null) {
            // java.net.URI refuses host names with '_' (docker-compose service names): read the authority as given.
            String hostAndPort = url.getRawAuthority().substring(url.getRawAuthority().lastIndexOf('@') + 1);
            int colon = hostAndPort.lastIndexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
            port = colon < 0 ? -1 : parseBounded(shown, "port", hostAndPort.substring(colon + 1), 1, 65_535, "");
        }
        if (host == null || host.isEmpty()) {
            throw problem(shown, "it names no host");
        }
        port = port < 0 ? DEFAULT_PORT : port;
        int database = parseDatabase(shown, url.getPath());
        String user = null;
        String password = null;
        String userInfo = url.getUserInfo();
        if (userInfo == null && url.getRawAuthority() != null && url.getRawAuthority().contains("@")) {
            String raw = url.getRawAuthority().substring(0, url.getRawAuthority().lastIndexOf('@'));
            userInfo = URI.create("redis://" + raw + "@localhost").getUserInfo();   // percent-decoded as URI does
        }
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                password = userInfo;   // redis://secret@host: Redis's own URL form puts a lone secret in the password
            } else {
                user = colon == 0 ? null : userInfo.substring(0, colon);
                password = userInfo.substring(colon + 1);
            }
        }
        String prefix = DEFAULT_PREFIX;
        int timeout = DEFAULT_TIMEOUT_MILLIS;
        int pool = DEFAULT_POOL_SIZE;
        String query = url.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                switch (name) {
                    case "prefix" -> prefix = value;
                    case "timeout" -> timeout = parseBounded(shown, name, value, 1, 60_000, "milliseconds");
                    case "pool" -> pool = parseBounded(shown, name, value, 1, 4096, "connections");
                    default -> throw problem(shown, "unknown option '" + name + "' (known: prefix, timeout, pool)");
                }
            }
        }
        return new RedisSettings(scheme.equals("rediss"), host, port, database, user, password, prefix,
                timeout, pool);
    }

    /** The address without credentials, for logs: {@code redis://cache.internal:6379/0}. */
    public String address() {
        return (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return address() + " (prefix '" + prefix + "')";
    }

    private static int parseDatabase(String shown, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String digits = path.substring(1);
        try {
            int database = Integer.parseInt(digits);
            if (database >= 0) {
                return database;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(shown, "the path '" + path + "' must be a database number such as /0");
    }

    private static int parseBounded(String shown, String name, String value, int min, int max, String unit) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(shown, name + " '" + value + "' must be " + min + "-" + max + (unit.isEmpty() ? "" : " " + unit));
    }

    private static IllegalArgumentException problem(String shown, String what) {
        return new IllegalArgumentException("cache URL '" + shown + "': " + what + "; write it as " + FORM);
    }
}
