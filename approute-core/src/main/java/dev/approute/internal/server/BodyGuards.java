package dev.approute.internal.server;

import java.io.InputStream;

/** Makes the {@link GuardedBody} of each request, all watched by the server's one {@link StallWatch}. */
record BodyGuards(StallWatch watch, ServerOptions options) {
    GuardedBody guard(InputStream body) {
        return new GuardedBody(body, watch, options);
    }
}
