package dev.approute.internal.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.approute.Headers;
import dev.approute.internal.json.Json;

/**
 * The store keys of data entries: {@code data:fetch:<sha-256>} and {@code data:cached:<sha-256>}, hashed from an
 * unambiguous JSON array of what identifies the data, so no secret (an {@code Authorization} header, a query in a
 * key part) appears in a key and every key has one length.
 *
 * <pre>{@code
 * DataKeys.fetch("GET", "https://api.example.com/posts", headers, body);   // method, URL, every header, body
 * DataKeys.cached(List.of("user", "42"), "com.acme.User");                 // key parts and the result type
 * }</pre>
 */
public final class DataKeys {
    // Bumped when the meaning of an entry changes, so old entries are never read as new ones.
    private static final String VERSION = "v1";

    private DataKeys() {
    }

    /**
     * As Next's fetch cache key: the method, the whole URL, every request header (names lower-cased, sorted, values
     * in order) and the body bytes. Two fetches that differ in any of them are two entries.
     */
    public static String fetch(String method, String url, Headers headers, byte[] body) {
        ArrayNode parts = JsonNodeFactory.instance.arrayNode();
        parts.add(VERSION).add(method).add(url);
        ArrayNode headerPairs = parts.addArray();
        for (String name : headers.names()) {
            for (String value : headers.getAll(name)) {
                headerPairs.addArray().add(name).add(value);
            }
        }
        parts.add(body == null ? new byte[0] : body);
        return DataCache.KEY_PREFIX + "fetch:" + sha256(Json.encode(parts));
    }

    /** {@code Cache.cached}: the key parts, in order, and the type the value decodes to. */
    public static String cached(List<String> keyParts, String typeName) {
        ArrayNode parts = JsonNodeFactory.instance.arrayNode();
        parts.add(VERSION).add(typeName);
        ArrayNode keys = parts.addArray();
        keyParts.forEach(keys::add);
        return DataCache.KEY_PREFIX + "cached:" + sha256(Json.encode(parts));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
