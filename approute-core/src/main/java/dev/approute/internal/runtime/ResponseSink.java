package dev.approute.internal.runtime;

import dev.approute.Headers;
import dev.approute.Response;

/**
 * Where the dispatcher puts the answer to a routed request: on the wire ({@link ResponseSender}), or back into the
 * hands of middleware that called {@code next.next()} ({@link ResponseCapture}), which sends it later, changed or not.
 */
interface ResponseSink {
    /**
     * @param cookies  the request's cookie store, whose changes become {@code Set-Cookie} headers; null for none
     * @param deadline the route's maxDuration, which a streamed body must finish within; null for none
     * @return the status answered
     */
    int send(Exchange exchange, Response response, CookieJar cookies, HandlerDeadline deadline);

    /** A response the cache answered with, as stored. */
    int sendServed(Exchange exchange, int status, Headers headers, byte[] body);

    /** A response without a body (automatic OPTIONS). */
    int sendEmpty(Exchange exchange, int status, Headers headers);

    default int send(Exchange exchange, Response response, CookieJar cookies) {
        return send(exchange, response, cookies, null);
    }
}
