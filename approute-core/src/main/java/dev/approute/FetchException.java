package dev.approute;

/**
 * A {@link Fetch} got no usable answer: the connection failed or timed out, or a body could not be read as asked
 * ({@link FetchResponse#json}). An HTTP error status is not an exception: check {@link FetchResponse#ok()}.
 * Unchecked; a handler that does not catch it answers 500, logged with the route file.
 *
 * <pre>{@code
 * try {
 *     return Response.json(Fetch.get("https://api.example.com/stock").json());
 * } catch (FetchException e) {
 *     return Response.json(Map.of("error", "upstream unavailable"), init -> init.status(502));
 * }
 * }</pre>
 */
public class FetchException extends RuntimeException {
    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
