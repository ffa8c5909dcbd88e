package dev.approute.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

import dev.approute.BadRequestException;
import dev.approute.internal.config.ByteSize;

/**
 * The request body size limit (approute.json {@code bodySizeLimit}, 10 MB by default; a route's segment config may
 * raise or lower it). A declared Content-Length over the limit is refused before the handler runs; a body without
 * one (chunked) is counted as it is read, and the read that passes the limit throws a 413
 * {@link BadRequestException}, which the client gets unless the response has already started.
 */
final class BodyLimit {
    private BodyLimit() {
    }

    /** The 413 for a declared length over the limit, or null. */
    static BadRequestException declaredTooLarge(Exchange exchange, long limit) {
        List<String> lengths = exchange.headerValues("content-length");
        if (lengths.isEmpty()) {
            return null;
        }
        long length;
        try {
            length = Long.parseLong(lengths.getFirst().strip());
        } catch (NumberFormatException e) {
            return null; // the engine answers malformed framing itself
        }
        return length > limit ? tooLarge(limit) : null;
    }

    /** The exchange whose body stops with a 413 once more than {@code limit} bytes were read. */
    static Exchange counted(Exchange exchange, long limit) {
        ConfiguredExchange configured = exchange instanceof ConfiguredExchange c ? c
                : ConfiguredExchange.of(exchange, exchange.scheme(), exchange.authority(), exchange.responseOptions());
        // Opened on the first read: asking the engine for the body sends 100 Continue to an Expect: 100-continue client.
        return configured.withBody(new Counting(exchange::body, limit));
    }

    /** {@code body} stopping with a 413 once more than {@code limit} bytes were read. */
    static InputStream counted(InputStream body, long limit) {
        return new Counting(() -> body, limit);
    }

    static BadRequestException tooLarge(long limit) {
        return new BadRequestException(413, "The request body is larger than the limit of " + ByteSize.format(limit)
                + " (raise it with bodySizeLimit in approute.json, or `static final String bodySizeLimit` in the route)", null);
    }

    private static final class Counting extends InputStream {
        private final Supplier<InputStream> source;
        private final long limit;
        private InputStream in;
        private long count;

        Counting(Supplier<InputStream> source, long limit) {
            this.source = source;
            this.limit = limit;
        }

        private InputStream in() {
            if (in == null) {
                in = source.get();
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            int b = in().read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in().read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in().skip(n);
            counted(skipped);
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return in().available();
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
