package dev.approute;

/**
 * Writes a streamed response body, chunk by chunk, while the client is connected.
 * Each {@link ChunkSink#send} goes to the network at once (no buffering), so tokens, SSE events and
 * progress lines arrive as they are produced. Runs on the request's virtual thread: blocking is fine.
 *
 * <pre>{@code
 * return Response.stream(sink -> {
 *     for (String token : model.generate(prompt)) {
 *         sink.send(token);
 *     }
 * }, init -> init.contentType("text/plain; charset=utf-8"));
 * }</pre>
 */
@FunctionalInterface
public interface BodyWriter {
    void writeTo(ChunkSink sink) throws Exception;
}
