package dev.approute.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import dev.approute.ChunkSink;
import dev.approute.Headers;

/**
 * One HTTP request/response as the runtime sees it, whatever engine carries it. The server package adapts
 * Helidon to this; nothing else in approute knows the engine.
 */
public interface Exchange {
    /** Upper-case method token as received. */
    String method();

    /** The request target's path, still percent-encoded (never null; {@code *} for {@code OPTIONS *}). */
    String rawPath();

    /** The raw query without {@code ?}, or {@code ""}. */
    String rawQuery();

    /** {@code http} or {@code https}, as the client reached us (proxies are a config issue). */
    String scheme();

    /** Host and port the client addressed ({@code localhost:3000}). */
    String authority();

    /** Request headers, reserved {@code x-approute-} ones already removed. */
    Headers headers();

    /** Every value of one request header, without building the whole {@link #headers()} view. */
    List<String> headerValues(String name);

    /** The request body as it arrives (empty for none). */
    InputStream body();

    /** The request's {@code Content-Length}, or -1 when the body's length is not announced (chunked, or none). */
    long contentLength();

    /** Sends a complete response. {@code body} may be null (no body); for HEAD the engine sends no body bytes. */
    void send(int status, String reason, Headers headers, byte[] body) throws IOException;

    /** How complete bodies are finished (compression, ETags); approute.json changes it through a wrapping exchange. */
    default ResponseOptions responseOptions() {
        return ResponseOptions.DEFAULTS;
    }

    /** Starts a streamed (chunked) response; each {@link ChunkSink#send} is flushed to the client. */
    StreamingBody stream(int status, String reason, Headers headers) throws IOException;

    /** A streamed body in progress; {@link #close()} ends it. */
    interface StreamingBody extends ChunkSink, AutoCloseable {
        @Override
        void close() throws IOException;
    }
}
