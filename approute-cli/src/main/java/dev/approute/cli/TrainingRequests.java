package dev.approute.cli;

import java.util.ArrayList;
import java.util.List;

import dev.approute.internal.compile.HttpMethod;
import dev.approute.internal.router.RouteMatch;
import dev.approute.internal.router.RoutePattern;
import dev.approute.internal.router.RouteTable;
import dev.approute.internal.router.Segment;
import dev.approute.internal.runtime.Endpoint;
import dev.approute.internal.runtime.MethodTable;
import dev.approute.internal.util.PercentEncoding;

/**
 * The requests of the start-up cache's training run: they take a request through Helidon, the dispatcher, the
 * router and the response writer (JSON, empty and file bodies) so that a real {@code start} finds those classes
 * cached, but none of them runs a handler of the app: a build must not have the side effects of a GET or a POST.
 * So: a 404 (JSON and HTML), an automatic OPTIONS and a 405 per route, and a GET of each {@code page.html}.
 *
 * <pre>{@code
 * for (TrainingRequests.Request request : TrainingRequests.plan(built.routes().table())) {
 *     send(request.method(), request.path());
 * }
 * }</pre>
 */
final class TrainingRequests {
    /** Enough routes to load every class a request needs; more only make the build slower. */
    static final int MAX_ROUTES = 32;
    static final String NOT_FOUND_PATH = "/_approute/start-up-cache-training";

    /** @param accept the Accept header to send, or null */
    record Request(String method, String path, String accept) {
    }

    private TrainingRequests() {
    }

    static List<Request> plan(RouteTable<Endpoint> table) {
        List<Request> requests = new ArrayList<>();
        if (table.match(NOT_FOUND_PATH) == null) {
            requests.add(new Request("GET", NOT_FOUND_PATH, null));
            requests.add(new Request("GET", NOT_FOUND_PATH, "text/html"));
        }
        int routes = 0;
        for (RoutePattern pattern : table.patternsInMatchOrder()) {
            if (routes++ == MAX_ROUTES) {
                break;
            }
            String path = samplePath(pattern);
            RouteMatch<Endpoint> match = table.match(path);
            if (match == null || !match.pattern().equals(pattern)) {
                continue; // the sample path reaches another route, whose handlers might run
            }
            MethodTable methods = match.value().methods();
            if (methods.action(HttpMethod.OPTIONS) == MethodTable.Action.AUTO_OPTIONS) {
                requests.add(new Request("OPTIONS", path, null));
            }
            for (HttpMethod method : List.of(HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.PUT, HttpMethod.POST)) {
                if (methods.action(method) == MethodTable.Action.NOT_ALLOWED) {
                    requests.add(new Request(method.name(), path, null));
                    break;
                }
            }
            if (match.value() instanceof Endpoint.Page) {
                requests.add(new Request("GET", path, "text/html"));
            }
        }
        return requests;
    }

    /** {@code /api/items/[slug]} -> {@code /api/items/training}: every dynamic segment gets one sample value. */
    static String samplePath(RoutePattern pattern) {
        StringBuilder path = new StringBuilder();
        for (Segment segment : pattern.segments()) {
            path.append('/').append(switch (segment.kind()) {
                case STATIC -> PercentEncoding.encodeSegment(segment.value());
                case DYNAMIC, CATCH_ALL, OPTIONAL_CATCH_ALL -> "training";
            });
        }
        return path.isEmpty() ? "/" : path.toString();
    }
}
