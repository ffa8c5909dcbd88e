package dev.approute.internal.router;

/**
 * What {@link PathCanonicalizer} made of a raw request path: serve it, redirect to it (308), or reject it (400).
 *
 * <pre>{@code
 * switch (PathCanonicalizer.canonicalize(rawPath)) {
 *     case CanonicalPath.Ok ok -> route(ok.path());
 *     case CanonicalPath.Redirect redirect -> permanentRedirect(redirect.path() + query);
 *     case CanonicalPath.Invalid invalid -> badRequest(invalid.reason());
 * }
 * }</pre>
 */
public sealed interface CanonicalPath {
    /** Serve {@code path} (dot segments resolved, still percent-encoded). */
    record Ok(String path) implements CanonicalPath {
    }

    /** Answer 308 with {@code Location: path} (plus the original query); one hop reaches the canonical form. */
    record Redirect(String path) implements CanonicalPath {
    }

    /** Not an origin-form path; answer 400. */
    record Invalid(String reason) implements CanonicalPath {
    }
}
