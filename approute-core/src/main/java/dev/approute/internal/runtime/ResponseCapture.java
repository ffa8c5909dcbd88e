package dev.approute.internal.runtime;

import java.util.List;
import java.util.function.Consumer;

import dev.approute.Headers;
import dev.approute.Response;
import dev.approute.ResponseInit;

/**
 * The answer of the rest of the request, kept for the middleware that called {@code next.next()}: a {@link Response}
 * as the client would get it, before the send-time steps (ETag and 304, gzip, HEAD without body, Set-Cookie from the
 * cookie store), which apply once, to whatever the middleware returns. A streamed body is not started: it streams
 * when the middleware's response is sent, within the route's maxDuration.
 *
 * <p>Headers the routed exchange adds to every answer (CORS) are merged in here; approute.json's {@code headers} are
 * not, because they belong to the exchange the middleware's own response goes out on.
 */
final class ResponseCapture implements ResponseSink {
    private Response response;
    private HandlerDeadline deadline;

    @Override
    public int send(Exchange exchange, Response answer, CookieJar cookies, HandlerDeadline streamDeadline) {
        // The cookie store is the request's one store: its Set-Cookie headers go on the final response only.
        this.response = withExchangeHeaders(answer, exchange);
        this.deadline = streamDeadline;
        return answer.status();
    }

    @Override
    public int sendServed(Exchange exchange, int status, Headers headers, byte[] body) {
        this.response = withExchangeHeaders(response(status, headers, body), exchange);
        return status;
    }

    @Override
    public int sendEmpty(Exchange exchange, int status, Headers headers) {
        this.response = withExchangeHeaders(response(status, headers, null), exchange);
        return status;
    }

    /** The captured response; never null once the routed request has answered. */
    Response response() {
        return response;
    }

    /** The maxDuration a streamed body of {@code sent} must finish within: the route's, when it is the route's own body. */
    HandlerDeadline deadlineFor(Response sent) {
        return response != null && sent.body() == response.body() ? deadline : null;
    }

    private static Response response(int status, Headers headers, byte[] body) {
        Consumer<ResponseInit> init = options -> {
            options.status(status);
            headers.forEach(options::appendHeader);
        };
        boolean bodyless = body == null || status == 204 || status == 205 || status == 304;
        return bodyless ? Response.empty(init) : Response.bytes(body, init);
    }

    private static Response withExchangeHeaders(Response response, Exchange exchange) {
        if (!(exchange instanceof ConfiguredExchange configured) || configured.responseHeaders().isEmpty()) {
            return response;
        }
        Headers merged = ConfiguredExchange.merge(response.headers(), configured.responseHeaders());
        // merge only adds: every name of the response is in `merged`, so setting each name's values replaces them all.
        return response.with(init -> {
            for (String name : merged.names()) {
                List<String> values = merged.getAll(name);
                init.header(name, values.getFirst());
                for (int i = 1; i < values.size(); i++) {
                    init.appendHeader(name, values.get(i));
                }
            }
        });
    }
}
