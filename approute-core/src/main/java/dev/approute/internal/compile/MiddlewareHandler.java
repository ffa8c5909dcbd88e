package dev.approute.internal.compile;

import dev.approute.Next;
import dev.approute.Request;

/**
 * The bound {@code static Response handle(Request request, Next next)} of {@code middleware.java}. Returns what the
 * method returned: a {@code Response}, or (a user bug the runtime reports) null.
 */
@FunctionalInterface
public interface MiddlewareHandler {
    Object handle(Request request, Next next) throws Throwable;
}
