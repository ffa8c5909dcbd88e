package dev.approute.internal.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import dev.approute.Headers;

/**
 * gzip for complete bodies of compressible types when the client accepts it, as Next.js does by default (no size
 * threshold); approute.json {@code "compress": false} turns it off. Streamed bodies are sent as produced, never
 * buffered to compress them; {@code text/event-stream} and {@code Cache-Control: no-transform} are never compressed.
 */
final class Compression {
    private Compression() {
    }

    /** Whether the response's headers allow gzip: a compressible type, not encoded already, no {@code no-transform}. */
    static boolean allowedBy(Headers responseHeaders) {
        if (responseHeaders.has("content-encoding")) {
            return false;
        }
        String contentType = responseHeaders.get("content-type");
        // Server-sent events are read as they arrive: a compressor would hold them back.
        if (contentType == null || !ResponseSender.isCompressible(contentType)
                || contentType.regionMatches(true, 0, "text/event-stream", 0, 17)) {
            return false;
        }
        String cacheControl = responseHeaders.get("cache-control");
        return cacheControl == null || !cacheControl.toLowerCase(Locale.ROOT).contains("no-transform");
    }

    /** For a response whose headers {@link #allowedBy allow} gzip: whether this one is gzipped. */
    static boolean applies(Exchange exchange, int status) {
        if (status == 204 || status == 304) {
            return false;
        }
        for (String acceptEncoding : exchange.headerValues("accept-encoding")) {
            if (acceptsGzip(acceptEncoding)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 9110 §12.5.3: gzip listed without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip")) {
                continue;
            }
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=") && isZero(parameter.substring(2))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isZero(String quality) {
        try {
            return Double.parseDouble(quality) == 0.0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
