package dev.approute.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.nio.charset.StandardCharsets;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.approute.Headers;
import dev.approute.internal.runtime.Exchange;
import dev.approute.internal.util.IdentityMemo;

/** A Helidon request/response pair seen as an {@link Exchange}. */
final class HelidonExchange implements Exchange {
    // Outgoing headers in Helidon's form (HTTP/1 bytes cached), derived once per Headers instance: the constant
    // headers of Response.json() or of a cache entry cost what a hand-written Helidon handler's constants cost.
    private static final IdentityMemo<Headers, Header[]> WIRE_HEADERS = new IdentityMemo<>(64, HelidonExchange::toWire);

    private final ServerRequest request;
    private final ServerResponse response;
    private final String authority;
    private final BodyGuards bodies;
    private Headers headers;
    private GuardedBody body;

    HelidonExchange(ServerRequest request, ServerResponse response, String authority, BodyGuards bodies) {
        this.request = request;
        this.response = response;
        this.authority = authority;
        this.bodies = bodies;
    }

    @Override
    public String method() {
        return request.prologue().method().text();
    }

    @Override
    public String rawPath() {
        return originPath(request.prologue().uriPath().rawPath());
    }

    // RFC 9112 §3.2.2: a server must accept the absolute form (GET http://host/path); it is routed by its path.
    static String originPath(String target) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            return slash < 0 ? "/" : target.substring(slash);
        }
        return target;
    }

    @Override
    public String rawQuery() {
        return request.prologue().query().rawValue();
    }

    @Override
    public String scheme() {
        return request.isSecure() ? "https" : "http";
    }

    @Override
    public String authority() {
        return authority;
    }

    @Override
    public Headers headers() {
        if (headers == null) {
            Headers.Builder builder = Headers.builder();
            for (Header header : request.headers()) {
                String name = header.name();
                // A client can never pose as the framework, ours or Next's (CVE-2025-29927 class).
                if (ReservedHeaders.isReserved(name)) {
                    continue;
                }
                for (String value : header.allValues()) {
                    builder.add(name, value);
                }
            }
            addForwardedDefaults(builder);
            headers = builder.build();
        }
        return headers;
    }

    @Override
    public List<String> headerValues(String name) {
        if (ReservedHeaders.isReserved(name)) {
            return List.of();
        }
        // By its lower-case name Helidon finds its own constant for a known header (accept-encoding, cookie) instead
        // of allocating a new name per lookup.
        String lowerCase = name.toLowerCase(Locale.ROOT);
        return request.headers().values(HeaderNames.create(lowerCase, lowerCase));
    }

    /**
     * As Next.js, handlers see {@code x-forwarded-for/host/port/proto} describing this hop when no proxy sent them.
     * They are information for handlers only: approute itself never builds URLs from them (trustProxy is a config option).
     */
    private void addForwardedDefaults(Headers.Builder builder) {
        if (!builder.has("x-forwarded-for") && request.remotePeer().address() instanceof InetSocketAddress peer) {
            builder.set("x-forwarded-for", peer.getAddress().getHostAddress());
        }
        if (!builder.has("x-forwarded-host") && builder.has("host")) {
            builder.set("x-forwarded-host", request.headers().first(HeaderNames.HOST).orElse(""));
        }
        if (!builder.has("x-forwarded-port")) {
            builder.set("x-forwarded-port", Integer.toString(request.localPeer().port()));
        }
        if (!builder.has("x-forwarded-proto")) {
            builder.set("x-forwarded-proto", scheme());
        }
    }

    @Override
    public InputStream body() {
        return guardedBody();
    }

    /** The one stream of this request's body (Helidon hands its entity out once): the handler's, then the drain's. */
    GuardedBody guardedBody() {
        if (body == null) {
            body = bodies.guard(request.content().inputStream());
        }
        return body;
    }

    /** The handler (or anything) asked for the body: Helidon has sent any 100 Continue it owed. */
    boolean bodyRequested() {
        return body != null;
    }

    /** The body exists and the handler did not read all of it. */
    boolean bodyLeftUnread() {
        return request.content().hasEntity() && !request.content().consumed();
    }

    /** The request is answered: its body, if read at all, is no longer waited on. */
    void finish() {
        if (body != null) {
            body.finish();
        }
    }

    @Override
    public long contentLength() {
        return request.headers().contentLength().orElse(-1);
    }

    @Override
    public void send(int status, String reason, Headers responseHeaders, byte[] body) throws IOException {
        prepare(status, reason, responseHeaders);
        try {
            if (body == null) {
                response.send();
            } else {
                response.send(body);
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public StreamingBody stream(int status, String reason, Headers responseHeaders) throws IOException {
        prepare(status, reason, responseHeaders);
        OutputStream out = response.outputStream();
        return new StreamingBody() {
            private boolean closed;

            @Override
            public void send(byte[] chunk) throws IOException {
                if (chunk.length == 0) {
                    return; // an empty chunk would end a chunked body
                }
                try {
                    out.write(chunk);
                    out.flush();
                } catch (IOException | java.io.UncheckedIOException e) {
                    closed = true;
                    throw e instanceof IOException io ? io : new IOException(e);
                }
            }

            @Override
            public void send(CharSequence chunk) throws IOException {
                send(chunk.toString().getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public boolean isClosed() {
                return closed;
            }

            @Override
            public void close() throws IOException {
                try {
                    out.close();
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        };
    }

    private void prepare(int status, String reason, Headers responseHeaders) {
        response.status(reason == null ? Status.create(status) : Status.create(status, reason));
        for (Header header : WIRE_HEADERS.get(responseHeaders)) {
            response.headers().set(header);
        }
    }

    private static Header[] toWire(Headers headers) {
        Header[] wire = new Header[headers.names().size()];
        int i = 0;
        for (String name : headers.names()) {
            HeaderName headerName = HeaderNames.create(name);
            List<String> values = headers.getAll(name);
            // One header with every value: the HTTP/2 writer emits each value of a multi-valued header.
            wire[i++] = values.size() == 1 ? HeaderValues.createCached(headerName, values.get(0))
                    : HeaderValues.create(headerName, values);
        }
        return wire;
    }
}
