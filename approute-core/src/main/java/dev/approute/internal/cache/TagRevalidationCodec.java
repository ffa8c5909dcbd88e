package dev.approute.internal.cache;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.approute.internal.json.Json;

/**
 * The stable form of one tag's {@link TagManifest.TagRevalidation}: a JSON object with ISO-8601 instants, the same
 * in the disk store's {@code tags.json} and as the value of a shared store's tag key (Redis), so any language reads it.
 *
 * <pre>{@code
 * {"staleCutoff":"2025-01-01T00:00:00Z"}                                        // 'max': stale only
 * {"staleCutoff":"2025-01-01T00:00:00Z","expireCutoff":"2025-01-01T00:00:00Z",
 *  "expireAt":"2025-01-01T00:00:00Z"}                                           // {expire: 0}
 * }</pre>
 */
public final class TagRevalidationCodec {
    private TagRevalidationCodec() {
    }

    public static ObjectNode toJson(TagManifest.TagRevalidation revalidation) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("staleCutoff", revalidation.staleCutoff().toString());
        if (revalidation.expireCutoff() != null) {
            node.put("expireCutoff", revalidation.expireCutoff().toString());
            node.put("expireAt", revalidation.expireAt().toString());
        }
        return node;
    }

    /** @throws IOException when the node is not a well-formed record */
    public static TagManifest.TagRevalidation fromJson(JsonNode node) throws IOException {
        if (node == null || !node.isObject() || !node.path("staleCutoff").isTextual()) {
            throw new IOException("a tag revalidation must be an object with a 'staleCutoff' instant");
        }
        try {
            Instant staleCutoff = Instant.parse(node.get("staleCutoff").asText());
            Instant expireCutoff = node.hasNonNull("expireCutoff") ? Instant.parse(node.get("expireCutoff").asText()) : null;
            Instant expireAt = node.hasNonNull("expireAt") ? Instant.parse(node.get("expireAt").asText()) : null;
            return new TagManifest.TagRevalidation(staleCutoff, expireCutoff, expireAt);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IOException("malformed tag revalidation: " + e.getMessage(), e);
        }
    }

    public static byte[] encode(TagManifest.TagRevalidation revalidation) {
        return Json.encode(toJson(revalidation));
    }

    /** @throws IOException when the bytes are not a well-formed record */
    public static TagManifest.TagRevalidation decode(byte[] bytes) throws IOException {
        JsonNode node;
        try {
            node = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new IOException("not JSON: " + e.getMessage(), e);
        }
        return fromJson(node);
    }
}
