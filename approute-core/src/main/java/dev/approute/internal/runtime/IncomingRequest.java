package dev.approute.internal.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.approute.BadRequestException;
import dev.approute.FormData;
import dev.approute.Headers;
import dev.approute.NextUrl;
import dev.approute.Request;
import dev.approute.RequestCookies;
import dev.approute.SearchParams;
import dev.approute.internal.cache.RenderObserver;
import dev.approute.internal.json.Json;

/**
 * The {@link Request} handed to handlers. Everything is parsed lazily: a handler that never reads cookies,
 * the query or the body pays nothing for them.
 */
final class IncomingRequest implements Request {
    private final Exchange exchange;
    private final String method;
    private final CookieJar cookies;
    private NextUrl nextUrl;
    private byte[] bytes;
    private boolean streamed;

    IncomingRequest(Exchange exchange, CookieJar cookies) {
        this.exchange = exchange;
        this.method = exchange.method();
        this.cookies = cookies;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String url() {
        return nextUrl().href();
    }

    @Override
    public NextUrl nextUrl() {
        if (nextUrl == null) {
            nextUrl = new NextUrl(exchange.scheme() + ":", exchange.authority(), exchange.rawPath(),
                    SearchParams.parse(exchange.rawQuery()));
        }
        return nextUrl;
    }

    @Override
    public Headers headers() {
        RenderObserver.noteDynamicUsage("headers");
        return exchange.headers();
    }

    @Override
    public RequestCookies cookies() {
        RenderObserver.noteDynamicUsage("cookies");
        return CookieJar.readOnly(cookies);
    }

    @Override
    public boolean hasBody() {
        // Fetch semantics: GET and HEAD requests have no body, whatever the client sent.
        return !method.equals("GET") && !method.equals("HEAD");
    }

    @Override
    public byte[] bytes() {
        return cachedBytes().clone();
    }

    // The body read once and kept; never handed out (the handler gets copies), so parsing it needs no copy.
    private synchronized byte[] cachedBytes() {
        if (bytes == null) {
            if (streamed) {
                throw new IllegalStateException("The request body was already read as a stream with body(); read it once, either way");
            }
            if (!hasBody()) {
                bytes = new byte[0];
            } else {
                try (InputStream in = exchange.body()) {
                    bytes = readAll(in, exchange.contentLength());
                } catch (IOException e) {
                    throw new UncheckedIOException("Reading the request body failed: " + e.getMessage(), e);
                }
            }
        }
        return bytes;
    }

    /** The body, when a reader took it whole (middleware's request: the route then gets the same bytes); else null. */
    synchronized byte[] bytesIfRead() {
        return bytes;
    }

    // With a Content-Length the body lands in an array of exactly that size (readNBytes allocates at most what is
    // asked), not in readAllBytes' 16 KiB scratch buffer copied to size afterwards.
    private static byte[] readAll(InputStream in, long contentLength) throws IOException {
        return contentLength >= 0 && contentLength < Integer.MAX_VALUE - 8 ? in.readNBytes((int) contentLength) : in.readAllBytes();
    }

    @Override
    public String text() {
        return new String(cachedBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public Object json() {
        return json(Object.class);
    }

    @Override
    public <T> T json(Class<T> type) {
        byte[] body = cachedBytes();
        if (body.length == 0) {
            throw new BadRequestException("The request body is empty; expected JSON", null);
        }
        try {
            return Json.decode(body, type);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("The request body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public FormData formData() {
        return FormParser.parse(exchange.headers().get("content-type"), cachedBytes());
    }

    @Override
    public synchronized InputStream body() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        if (streamed) {
            throw new IllegalStateException("body() streams the request once; it was already taken");
        }
        streamed = true;
        return hasBody() ? exchange.body() : InputStream.nullInputStream();
    }

    @Override
    public String toString() {
        return "Request{" + method + " " + exchange.rawPath() + ", " + exchange.headers() + "}";
    }
}
