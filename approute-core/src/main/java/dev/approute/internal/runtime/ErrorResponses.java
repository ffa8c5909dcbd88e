package dev.approute.internal.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.approute.BadRequestException;
import dev.approute.Response;
import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;

/**
 * The answers approute gives on its own (404, 400, 405, 500) and what it logs about them.
 * Outside dev, a 500 never carries error details to the client; the log has them, with the route file.
 */
public final class ErrorResponses {
    private static final String NO_STORE = "private, no-cache, no-store, max-age=0, must-revalidate";

    private final AppLayout layout;
    private final boolean dev;
    private final Consumer<String> log;

    public ErrorResponses(AppLayout layout, boolean dev, Consumer<String> log) {
        this.layout = layout;
        this.dev = dev;
        this.log = log;
    }

    /**
     * JSON for API clients, a small HTML page for browsers (Accept: text/html). Never cacheable, and {@code Vary: Accept}
     * all the same: a cache that ignores no-store must still not hand one client's representation to the other.
     */
    Response notFound(Exchange exchange) {
        String path = exchange.rawPath();
        if (exchange.headerValues("accept").stream().anyMatch(accept -> accept.contains("text/html"))) {
            String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404: Not Found</title></head>"
                    + "<body><h1>404</h1><p>This page could not be found.</p></body></html>";
            return Response.html(html).with(init -> init.status(404).header("cache-control", NO_STORE).header("vary", "Accept"));
        }
        return Response.json(problem("Not Found", "No route matches " + path),
                init -> init.status(404).header("cache-control", NO_STORE).header("vary", "Accept"));
    }

    Response badRequest(String message) {
        return Response.json(problem("Bad Request", message), init -> init.status(400));
    }

    /** Empty body, as Next.js, plus the {@code Allow} header Next.js forgets. */
    Response methodNotAllowed(String allow) {
        return Response.empty(init -> init.status(405).header("allow", allow));
    }

    Response clientError(BadRequestException error) {
        String title = switch (error.status()) {
            case 408 -> "Request Timeout";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            default -> "Bad Request";
        };
        return Response.json(problem(title, error.getMessage()), init -> init.status(error.status()));
    }

    Response noResponse(Endpoint endpoint, Exchange exchange, Object result) {
        String received = result == null ? "null" : result.getClass().getSimpleName();
        String message = "No response is returned from route handler '" + file(endpoint) + "'. Expected a Response "
                + "object but received '" + received + "' (method: " + exchange.method() + ", url: " + exchange.rawPath()
                + "). Ensure you return a Response in all branches of your handler.";
        log.accept("⨯ " + message);
        return internalError(message);
    }

    Response handlerFailed(Endpoint endpoint, Exchange exchange, Throwable failure) {
        return failed(file(endpoint), exchange, failure);
    }

    /** middleware.java threw: 500, logged with the file (a handler's failure reaches it as a response instead). */
    Response middlewareFailed(Path middleware, Exchange exchange, Throwable failure) {
        return failed(relative(middleware), exchange, failure);
    }

    Response middlewareReturned(Path middleware, Exchange exchange, Object result) {
        String received = result == null ? "null" : result.getClass().getSimpleName();
        String message = "No response is returned from middleware '" + relative(middleware) + "': handle returned '" + received
                + "' (method: " + exchange.method() + ", url: " + exchange.rawPath() + "). Return next.next() to continue, "
                + "or the Response to answer with.";
        log.accept("⨯ " + message);
        return internalError(message);
    }

    private Response failed(String file, Exchange exchange, Throwable failure) {
        String message = exchange.method() + " " + exchange.rawPath() + " failed in " + file + ": " + failure;
        log.accept("⨯ " + message + "\n" + stackTrace(failure));
        return internalError(message + "\n\n" + stackTrace(failure));
    }

    /** maxDuration passed: 504 (the handler was interrupted), logged with the file so the limit can be raised. */
    Response deadlineExceeded(Endpoint endpoint, Exchange exchange, HandlerDeadline.Exceeded late) {
        log.accept("⨯ " + exchange.method() + " " + exchange.rawPath() + ": " + file(endpoint) + ": " + late.getMessage()
                + "; answered 504 (raise `static final int maxDuration` if it needs longer)");
        return Response.json(problem("Gateway Timeout", "The route did not answer within its maxDuration of "
                + late.seconds() + "s"), init -> init.status(504).header("cache-control", NO_STORE));
    }

    void streamCut(Exchange exchange, int seconds) {
        log.accept("⨯ " + exchange.method() + " " + exchange.rawPath() + ": the response stream was ended at the route's maxDuration of "
                + seconds + "s (its writer was interrupted)");
    }

    Response buildFailed(List<Problem> problems) {
        StringBuilder text = new StringBuilder("approute: the app does not compile (").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(")\n\n");
        problems.forEach(problem -> text.append(problem.format()).append("\n\n"));
        return Response.text(text.toString(), init -> init.status(500).header("cache-control", NO_STORE));
    }

    void streamFailed(Exchange exchange, Exception failure) {
        log.accept("⨯ " + exchange.method() + " " + exchange.rawPath() + ": the response stream failed after its headers were sent: "
                + failure + "\n" + stackTrace(failure));
    }

    void clientGone(Exchange exchange, Exception cause) {
        if (dev) {
            log.accept("  " + exchange.method() + " " + exchange.rawPath() + ": client closed the connection (" + cause.getMessage() + ")");
        }
    }

    private Response internalError(String devDetail) {
        // Outside dev the body is empty (as Next.js): details stay in the server log.
        return dev ? Response.text(devDetail, init -> init.status(500)) : Response.empty(500);
    }

    private String file(Endpoint endpoint) {
        return relative(endpoint.entry().file());
    }

    private String relative(Path file) {
        return layout == null ? file.toString() : layout.relative(file).toString().replace('\\', '/');
    }

    private static Map<String, Object> problem(String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return body;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
