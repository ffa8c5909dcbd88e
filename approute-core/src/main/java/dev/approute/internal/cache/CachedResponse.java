package dev.approute.internal.cache;

import java.util.Objects;

import dev.approute.Headers;

/**
 * A rendered response as {@link ResponseCache} receives it from the dispatcher's renderer: the status, the headers
 * the handler set, the whole body in memory, and what the render observed.
 *
 * <pre>{@code
 * CachedResponse.complete(200, response.headers(), bytes, observer.observations());
 * CachedResponse.partial(200, headers, firstChunks, observations);   // a stream that failed or was cut off
 * CachedResponse.forHead(200, headers, observations);                // rendered for HEAD: no body
 * }</pre>
 *
 * @param bodyComplete false when the body is not the handler's whole body (a stream that threw, a size cap hit)
 * @param forHead      rendered for a HEAD request, so the body was never produced; never stored
 */
public record CachedResponse(int status, Headers headers, byte[] body, boolean bodyComplete, boolean forHead,
                             RenderObservations observed) {
    public CachedResponse {
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body.clone();
        observed = observed == null ? RenderObservations.NONE : observed;
    }

    public static CachedResponse complete(int status, Headers headers, byte[] body, RenderObservations observed) {
        return new CachedResponse(status, headers, body, true, false, observed);
    }

    public static CachedResponse partial(int status, Headers headers, byte[] body, RenderObservations observed) {
        return new CachedResponse(status, headers, body, false, false, observed);
    }

    public static CachedResponse forHead(int status, Headers headers, RenderObservations observed) {
        return new CachedResponse(status, headers, new byte[0], false, true, observed);
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyUnsafe() {
        return body;
    }

    @Override
    public String toString() {
        return "CachedResponse[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes, complete="
                + bodyComplete + ", forHead=" + forHead + ", observed=" + observed + "]";
    }
}
