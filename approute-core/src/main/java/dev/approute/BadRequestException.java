package dev.approute;

/**
 * The request body could not be read as asked: invalid JSON, malformed multipart, a content type
 * {@link Request#formData()} cannot parse, a body over the size limit, a body that stalled or ended early.
 * Handlers may catch it; if they do not, the client gets its {@link #status()} (400, 408, 413 or 415) with a short
 * message, never a 500.
 *
 * <pre>{@code
 * try {
 *     var data = request.json();
 * } catch (BadRequestException e) {
 *     return Response.json(Map.of("error", "invalid json"), init -> init.status(400));
 * }
 * }</pre>
 */
public class BadRequestException extends RuntimeException {
    private final int status;

    public BadRequestException(int status, String message, Throwable cause) {
        super(message, cause);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("A bad request status is 4xx, got " + status);
        }
        this.status = status;
    }

    public BadRequestException(String message, Throwable cause) {
        this(400, message, cause);
    }

    /** 400, 408, 413 or 415. */
    public int status() {
        return status;
    }
}
