package dev.approute.internal.runtime;

/**
 * How approute finishes a complete response body, from approute.json: gzip it ({@code compress}) and give it an
 * ETag answering {@code If-None-Match} with 304 ({@code generateEtags}).
 */
public record ResponseOptions(boolean compress, boolean etags) {
    public static final ResponseOptions DEFAULTS = new ResponseOptions(true, true);
}
