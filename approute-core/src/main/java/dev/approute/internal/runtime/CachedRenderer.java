package dev.approute.internal.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import dev.approute.ChunkSink;
import dev.approute.Headers;
import dev.approute.Response;
import dev.approute.RouteContext;
import dev.approute.internal.cache.CachedResponse;
import dev.approute.internal.cache.RenderObserver;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.compile.HttpMethod;
import dev.approute.internal.compile.RouteHandler;
import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.data.DataContext;

/**
 * Renders a cached route's GET into bytes the cache can keep: the handler runs in its own request scope over a
 * {@link PathOnlyExchange} (so it may run on a background thread for a regeneration), streamed bodies are drained,
 * and what the render did (tags, cookies set) travels with the result.
 */
final class CachedRenderer {
    // A streamed body larger than this is not cached (it is still served on the MISS that rendered it).
    private static final int MAX_CAPTURED_BYTES = 10 * 1024 * 1024;

    private CachedRenderer() {
    }

    static Callable<CachedResponse> of(RouteModule module, String path, RouteContext context, ResponseCache cache,
                                       DataContext data) {
        RouteHandler get = module.handlers().get(HttpMethod.GET);
        boolean staticOnly = module.config().dynamic().equals("error");
        return () -> {
            CookieJar cookies = CookieJar.parse(java.util.List.of());
            IncomingRequest request = new IncomingRequest(new PathOnlyExchange(path), cookies);
            RequestScope scope = new RequestScope(request, cookies, cache, data);
            RenderObserver observer = new RenderObserver();
            Response response;
            try {
                response = observer.observe(() -> callGet(scope, get, request, context));
            } catch (NavigationSignal signal) {
                response = signal.response();
            }
            if (staticOnly && !observer.observations().dynamicUsages().isEmpty()) {
                throw new DynamicUsageException(module.entry().pattern().toString(), observer.observations().dynamicUsages());
            }
            Headers headers = response.headers();
            if (cookies.hasChanges()) {
                Headers.Builder withCookies = headers.toBuilder();
                cookies.setCookieHeaders().forEach(value -> withCookies.add("set-cookie", value));
                headers = withCookies.build();
            }
            return switch (response.body()) {
                case Response.None none -> CachedResponse.complete(response.status(), headers, new byte[0], observer.observations());
                case Response.Bytes bytes -> CachedResponse.complete(response.status(), headers, bytes.data(), observer.observations());
                case Response.Streamed streamed -> drain(response.status(), headers, streamed, observer);
            };
        };
    }

    private static Response callGet(RequestScope scope, RouteHandler get, IncomingRequest request, RouteContext context) throws Exception {
        try {
            Object result = scope.run(() -> Dispatcher.awaitIfAsync(get.handle(request, context)));
            if (result instanceof Response response) {
                return response;
            }
            throw new IllegalStateException("the GET handler returned " + (result == null ? "null" : result.getClass().getName())
                    + " instead of a Response");
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable other) {
            throw new IllegalStateException(other);
        }
    }

    private static CachedResponse drain(int status, Headers headers, Response.Streamed streamed, RenderObserver observer) {
        Capture capture = new Capture();
        try {
            streamed.writer().writeTo(capture);
        } catch (Exception failure) {
            return CachedResponse.partial(status, headers, capture.out.toByteArray(), observer.observations());
        }
        return capture.overflow
                ? CachedResponse.partial(status, headers, capture.out.toByteArray(), observer.observations())
                : CachedResponse.complete(status, headers, capture.out.toByteArray(), observer.observations());
    }

    private static final class Capture implements ChunkSink {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean overflow;

        @Override
        public void send(byte[] chunk) throws IOException {
            if (out.size() + chunk.length > MAX_CAPTURED_BYTES) {
                overflow = true;
                throw new IOException("streamed body over " + MAX_CAPTURED_BYTES + " bytes: not cached");
            }
            out.write(chunk);
        }

        @Override
        public void send(CharSequence chunk) throws IOException {
            send(chunk.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean isClosed() {
            return overflow;
        }
    }
}
