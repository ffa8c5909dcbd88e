package dev.approute.internal.runtime;

import dev.approute.Response;

/** Thrown by {@code Navigation.redirect/notFound}; carries the response. Not an error: no stack trace is filled. */
public final class NavigationSignal extends RuntimeException {
    private final transient Response response;

    public NavigationSignal(Response response) {
        super("navigation: " + response.status(), null, false, false);
        this.response = response;
    }

    public Response response() {
        return response;
    }
}
