package dev.approute.internal.cache;

import java.util.Objects;

import dev.approute.Headers;

/**
 * What to send for a request to a cached route: status, headers (including {@code Cache-Control} and
 * {@code x-approute-cache}) and body. For a HEAD request the dispatcher sends the same status and headers without
 * the body, as it does for every HEAD.
 *
 * @param cacheStatus what the cache did (the {@code x-approute-cache} value)
 * @param notStored   on a MISS whose render could not be stored, why; otherwise null
 */
public record ServedResponse(CacheStatus cacheStatus, int status, Headers headers, byte[] body,
                             Storability.NotStored notStored) {
    public ServedResponse {
        Objects.requireNonNull(cacheStatus, "cacheStatus");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }

    /** The body. Not copied, and shared by every HIT served from the same entry: read it, never modify it. */
    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public String toString() {
        return "ServedResponse[" + cacheStatus + ", status=" + status + ", headers=" + headers + ", body=" + body.length
                + " bytes" + (notStored == null ? "" : ", notStored=" + notStored) + "]";
    }
}
