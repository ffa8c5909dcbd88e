package dev.approute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.compile.HttpMethod;
import dev.approute.internal.router.RouteMatch;
import dev.approute.internal.router.RouteTable;
import dev.approute.internal.runtime.AppAssembler;
import dev.approute.internal.runtime.Endpoint;
import dev.approute.internal.runtime.MethodTable;

/** The start-up cache's training requests reach every kind of answer approute gives itself, and no handler of the app. */
class TrainingRequestsTest {
    @TempDir
    Path app;

    private void write(String relative, String content) throws Exception {
        AppFiles.write(app, relative, content);
    }

    private RouteTable<Endpoint> build() {
        return new AppAssembler(new AppLayout(app)).compileAndLoad().routes().table();
    }

    @Test
    void notFoundAutomaticOptionsMethodNotAllowedAndPages() throws Exception {
        write("app/api/hello/route.java", "class Route { static Response GET() { return Response.text(\"hi\"); } }");
        write("app/api/items/[slug]/route.java",
                "class Route { static Response GET() { return Response.text(\"x\"); } static Response POST() { return Response.empty(201); } }");
        write("app/api/cors/route.java",
                "class Route { static Response GET() { return Response.text(\"x\"); } static Response OPTIONS() { return Response.empty(204); } }");
        write("app/api/all/route.java", "class Route {"
                + " static Response GET() { return Response.empty(200); } static Response POST() { return Response.empty(200); }"
                + " static Response PUT() { return Response.empty(200); } static Response PATCH() { return Response.empty(200); }"
                + " static Response DELETE() { return Response.empty(200); } }");
        write("app/docs/page.html", "<p>docs</p>");

        List<TrainingRequests.Request> plan = TrainingRequests.plan(build());

        assertThat(plan).contains(
                new TrainingRequests.Request("GET", TrainingRequests.NOT_FOUND_PATH, null),
                new TrainingRequests.Request("GET", TrainingRequests.NOT_FOUND_PATH, "text/html"),
                new TrainingRequests.Request("OPTIONS", "/api/hello", null),
                new TrainingRequests.Request("DELETE", "/api/hello", null),
                new TrainingRequests.Request("OPTIONS", "/api/items/training", null),
                new TrainingRequests.Request("DELETE", "/api/items/training", null),
                new TrainingRequests.Request("GET", "/docs", "text/html"));
        assertThat(plan).noneMatch(request -> request.path().equals("/api/cors") && request.method().equals("OPTIONS"));
        assertThat(plan).noneMatch(request -> request.path().equals("/api/all") && !request.method().equals("OPTIONS"));
        assertRunsNoHandler(build(), plan);
    }

    @Test
    void aRootCatchAllGetsNoNotFoundProbe() throws Exception {
        write("app/[[...slug]]/route.java", "class Route { static Response GET() { return Response.text(\"every path\"); } }");

        RouteTable<Endpoint> table = build();
        List<TrainingRequests.Request> plan = TrainingRequests.plan(table);

        assertThat(plan).noneMatch(request -> request.path().equals(TrainingRequests.NOT_FOUND_PATH));
        assertThat(plan).contains(new TrainingRequests.Request("OPTIONS", "/training", null));
        assertRunsNoHandler(table, plan);
    }

    /** Every planned request is answered by approute itself: a 404, an automatic OPTIONS, a 405, or a page file. */
    private static void assertRunsNoHandler(RouteTable<Endpoint> table, List<TrainingRequests.Request> plan) {
        for (TrainingRequests.Request request : plan) {
            RouteMatch<Endpoint> match = table.match(request.path());
            if (match == null || match.value() instanceof Endpoint.Page) {
                continue;
            }
            MethodTable.Action action = match.value().methods().action(HttpMethod.of(request.method()));
            assertThat(action).as("%s %s", request.method(), request.path())
                    .isIn(MethodTable.Action.AUTO_OPTIONS, MethodTable.Action.NOT_ALLOWED);
        }
    }
}
