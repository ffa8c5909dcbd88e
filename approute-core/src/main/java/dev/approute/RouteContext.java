package dev.approute;

/**
 * The second handler argument: what the router found for this request.
 *
 * <pre>{@code
 * static Response GET(Request request, RouteContext ctx) {
 *     return Response.json(Map.of("slug", ctx.params().get("slug")));
 * }
 * }</pre>
 */
public record RouteContext(Params params) {
    public RouteContext {
        params = params == null ? Params.empty() : params;
    }
}
