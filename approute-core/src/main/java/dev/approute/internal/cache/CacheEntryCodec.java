package dev.approute.internal.cache;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.approute.Headers;
import dev.approute.internal.json.Json;

/**
 * The stable byte form of a {@link CacheEntry}: one UTF-8 JSON object, readable by any language (a Redis handler
 * stores exactly these bytes under the key). Version 1:
 *
 * <pre>{@code
 * {"v":1,"key":"/api/isr","status":200,
 *  "headers":[["content-type","application/json"],["x-multi","a"],["x-multi","b"]],
 *  "body":"eyJhIjoxfQ==",                       // standard base64 (RFC 4648 §4), binary-safe
 *  "created":"2025-01-01T00:00:00Z",             // ISO-8601 instants
 *  "revalidate":5,                               // seconds, or null: never stale by time
 *  "expire":"2026-01-01T00:00:00Z",              // or null: never expires
 *  "tags":["_N_T_/api/isr","products"]}
 * }</pre>
 * Unknown fields are ignored, so a later version can add fields; a different {@code v} is refused.
 */
public final class CacheEntryCodec {
    public static final int VERSION = 1;

    private CacheEntryCodec() {
    }

    /** A decoded record: the key it was stored under and the entry. */
    public record Stored(String key, CacheEntry entry) {
    }

    public static byte[] encode(String key, CacheEntry entry) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("v", VERSION);
        root.put("key", key);
        root.put("status", entry.status());
        ArrayNode headers = root.putArray("headers");
        entry.headers().forEach((name, value) -> headers.addArray().add(name).add(value));
        root.put("body", Base64.getEncoder().encodeToString(entry.body()));
        root.put("created", entry.created().toString());
        if (entry.revalidate() == null) {
            root.putNull("revalidate");
        } else {
            root.put("revalidate", entry.revalidate());
        }
        if (entry.expire() == null) {
            root.putNull("expire");
        } else {
            root.put("expire", entry.expire().toString());
        }
        ArrayNode tags = root.putArray("tags");
        entry.tags().forEach(tags::add);
        return Json.encode(root);
    }

    /** @throws IOException when the bytes are not a well-formed version-1 entry (never returns a half-read entry) */
    public static Stored decode(byte[] bytes) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new IOException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        int version = root.path("v").asInt(-1);
        if (version != VERSION) {
            throw new IOException("unsupported cache entry version " + root.path("v") + " (expected " + VERSION + ")");
        }
        try {
            String key = text(root, "key");
            JsonNode statusNode = root.get("status");
            if (statusNode == null || !statusNode.isInt()) {
                throw new IOException("'status' must be an integer");
            }
            Headers.Builder headers = Headers.builder();
            JsonNode headerList = root.get("headers");
            if (headerList == null || !headerList.isArray()) {
                throw new IOException("'headers' must be an array of [name, value] pairs");
            }
            for (JsonNode pair : headerList) {
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                    throw new IOException("'headers' must be an array of [name, value] pairs");
                }
                headers.add(pair.get(0).asText(), pair.get(1).asText());
            }
            byte[] body = Base64.getDecoder().decode(text(root, "body"));
            Instant created = Instant.parse(text(root, "created"));
            JsonNode revalidateNode = root.get("revalidate");
            Integer revalidate;
            if (revalidateNode == null || revalidateNode.isNull()) {
                revalidate = null;
            } else if (revalidateNode.isInt()) {
                revalidate = revalidateNode.asInt();
            } else {
                throw new IOException("'revalidate' must be an integer or null");
            }
            JsonNode expireNode = root.get("expire");
            Instant expire = expireNode == null || expireNode.isNull() ? null : Instant.parse(expireNode.asText());
            Set<String> tags = new LinkedHashSet<>();
            JsonNode tagList = root.get("tags");
            if (tagList != null && !tagList.isNull()) {
                if (!tagList.isArray()) {
                    throw new IOException("'tags' must be an array of strings");
                }
                for (JsonNode tag : tagList) {
                    if (!tag.isTextual()) {
                        throw new IOException("'tags' must be an array of strings");
                    }
                    tags.add(tag.asText());
                }
            }
            return new Stored(key, new CacheEntry(statusNode.asInt(), headers.build(), body, created, revalidate,
                    expire, tags));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException("malformed cache entry: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String field) throws IOException {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw new IOException("'" + field + "' must be a string");
        }
        return node.asText();
    }
}
