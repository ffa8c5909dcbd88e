package dev.approute.internal.compile;

import dev.approute.Request;
import dev.approute.RouteContext;

/**
 * A bound handler method of a route file, whatever its declared parameters: {@code ()}, {@code (Request)} or
 * {@code (Request, RouteContext)}. Returns what the method returned: a {@code Response},
 * a {@code CompletionStage<Response>}, or (a user bug the runtime reports) anything else.
 */
@FunctionalInterface
public interface RouteHandler {
    Object handle(Request request, RouteContext context) throws Throwable;
}
