// Every documented method implemented explicitly.
import dev.approute.*;
import java.util.*;

class Route {
    private static Response reply(Request request) {
        String body = request.method().equals("GET") || request.method().equals("HEAD") ? null : request.text();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", request.method());
        json.put("body", body);
        return Response.json(json, init -> init.header("X-Method", request.method()));
    }

    static Response GET(Request request) {
        return reply(request);
    }

    static Response POST(Request request) {
        return reply(request);
    }

    static Response PUT(Request request) {
        return reply(request);
    }

    static Response PATCH(Request request) {
        return reply(request);
    }

    static Response DELETE(Request request) {
        return reply(request);
    }

    // Explicit HEAD that (wrongly) returns a body: probes body stripping.
    static Response HEAD(Request request) {
        return Response.text("head-body-should-be-stripped", init -> init
                .status(200)
                .header("X-Method", request.method())
                .header("Content-Type", "text/plain")
                .header("X-Explicit-Head", "1"));
    }

    // Explicit OPTIONS: overrides the automatic one.
    static Response OPTIONS(Request request) {
        return Response.empty(init -> init
                .status(204)
                .header("Allow", "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE")
                .header("X-Method", request.method()));
    }
}
