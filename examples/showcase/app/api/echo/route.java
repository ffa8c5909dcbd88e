// Echo route (no explicit HEAD/OPTIONS) used by many probes.
import dev.approute.*;
import showcase.Echo;

class Route {
    private static Response handle(Request request) {
        return Response.json(Echo.describeRequest(request));
    }

    static Response GET(Request request) {
        return handle(request);
    }

    static Response POST(Request request) {
        return handle(request);
    }

    static Response PUT(Request request) {
        return handle(request);
    }

    static Response PATCH(Request request) {
        return handle(request);
    }

    static Response DELETE(Request request) {
        return handle(request);
    }
}
