package dev.approute;

import dev.approute.internal.runtime.NavigationSignal;

/**
 * Ends the handler with a redirect or a 404, from anywhere in the call chain (Next.js's
 * {@code next/navigation}). These methods throw; cookies already set through {@link Current#cookies()} are kept.
 *
 * <pre>{@code
 * if (user == null) Navigation.redirect("/login");      // 307
 * if (item == null) Navigation.notFound();              // 404, empty body
 * }</pre>
 *
 * If you catch {@code Throwable} around such a call, pass it to {@link #rethrowIfNavigation} first.
 */
public final class Navigation {
    private Navigation() {
    }

    /** Answers 307 with {@code Location: url} (kept as given, relative allowed). */
    public static Response redirect(String url) {
        throw new NavigationSignal(Response.redirect(url, 307));
    }

    /** Answers 308 with {@code Location: url}. */
    public static Response permanentRedirect(String url) {
        throw new NavigationSignal(Response.redirect(url, 308));
    }

    /** Answers 404 with an empty body. */
    public static Response notFound() {
        throw new NavigationSignal(Response.empty(404));
    }

    /** Rethrows {@code error} if it is a redirect or not-found signal, so a broad catch does not swallow it. */
    public static void rethrowIfNavigation(Throwable error) {
        if (error instanceof NavigationSignal signal) {
            throw signal;
        }
    }
}
