package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.approute.internal.app.Problem;
import dev.approute.internal.app.Problems;

/** User mistakes are reported at build time with the file, the line (for source mistakes) and a fix; all at once. */
class ErrorMessagesTest {
    private static final String OK = "import dev.approute.*;\nclass Route {\n    static Response GET() { return Response.text(\"ok\"); }\n}\n";

    private static Problems problems(TestApp.Builder builder) {
        Problems problems = catchThrowableOfType(Problems.class, () -> builder.start().close());
        assertThat(problems).as("the app must be refused with Problems").isNotNull();
        assertThat(problems.problems()).isNotEmpty();
        return problems;
    }

    private static Problem only(Problems problems) {
        assertThat(problems.problems()).as(problems.report()).hasSize(1);
        return problems.problems().get(0);
    }

    private static String path(Problem problem) {
        return problem.file() == null ? "" : problem.file().toString().replace('\\', '/');
    }

    private static String route(String... bodyLines) {
        return "import dev.approute.*;\nclass Route {\n" + String.join("\n", bodyLines) + "\n}\n";
    }

    @Test
    void lowerCaseHandlerName() {
        Problem problem = only(problems(TestApp.builder().file("app/lower/route.java",
                route("    static Response get() { return Response.text(\"x\"); }", "    static Response POST() { return Response.text(\"y\"); }"))));
        assertThat(path(problem)).isEqualTo("app/lower/route.java");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("`get`").contains("GET");
        assertThat(problem.fix()).contains("GET");
        assertThat(problem.format()).startsWith("app/lower/route.java:3: ").contains("fix:");
    }

    @Test
    void instanceHandler() {
        Problem problem = only(problems(TestApp.builder().file("app/inst/route.java",
                route("    Response GET() { return Response.text(\"x\"); }"))));
        assertThat(path(problem)).isEqualTo("app/inst/route.java");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("GET").contains("static");
        assertThat(problem.fix()).contains("static");
    }

    @Test
    void wrongParameterType() {
        Problem problem = only(problems(TestApp.builder().file("app/items/[id]/route.java",
                route("    static Response GET(String id) { return Response.text(id); }"))));
        assertThat(path(problem)).isEqualTo("app/items/[id]/route.java");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("GET").contains("String id").contains("Request");
        assertThat(problem.fix()).contains("RouteContext");
    }

    @Test
    void wrongReturnType() {
        Problem problem = only(problems(TestApp.builder().file("app/ret/route.java",
                route("    static String GET() { return \"x\"; }"))));
        assertThat(path(problem)).isEqualTo("app/ret/route.java");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("GET").contains("String").contains("Response");
        assertThat(problem.fix()).contains("Response");
    }

    @Test
    void noHandler() {
        Problem problem = only(problems(TestApp.builder().file("app/none/route.java",
                route("    static int helper() { return 1; }"))));
        assertThat(path(problem)).isEqualTo("app/none/route.java");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("no handler");
        assertThat(problem.fix()).contains("GET");
    }

    @Test
    void noClassInRouteFile() {
        Problem problem = only(problems(TestApp.builder().file("app/empty/route.java", "import dev.approute.*;\n// nothing here\n")));
        assertThat(path(problem)).isEqualTo("app/empty/route.java");
        assertThat(problem.message()).contains("no top-level class");
        assertThat(problem.fix()).contains("class Route");
    }

    @Test
    void bogusDynamicNamesFieldValueAndAllowedValues() {
        Problem problem = only(problems(TestApp.builder().file("app/r/route.java",
                route("    static final String dynamic = \"bogus\";", "    static Response GET() { return Response.text(\"x\"); }"))));
        assertThat(path(problem)).isEqualTo("app/r/route.java");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("dynamic").contains("bogus")
                .contains("auto").contains("force-dynamic").contains("error").contains("force-static");
        assertThat(problem.fix()).contains("static final String dynamic");
    }

    @Test
    void negativeRevalidateIsPrecise() {
        Problem problem = only(problems(TestApp.builder().file("app/r/route.java",
                route("    static final int revalidate = -1;", "    static Response GET() { return Response.text(\"x\"); }"))));
        assertThat(path(problem)).isEqualTo("app/r/route.java");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("revalidate").contains("-1");
        assertThat(problem.fix()).contains("revalidate");
    }

    @Test
    void routeAndPageConflictNamesBothFiles() {
        Problem problem = only(problems(TestApp.builder()
                .file("app/x/route.java", OK)
                .file("app/x/page.html", "<p>x</p>")));
        assertThat(problem.format()).contains("app/x/route.java").contains("app/x/page.html").contains("/x");
        assertThat(problem.fix()).isNotBlank();
    }

    @Test
    void twoGroupsResolvingToTheSameUrl() {
        Problem problem = only(problems(TestApp.builder()
                .file("app/(a)/x/route.java", OK)
                .file("app/(b)/x/route.java", OK)));
        assertThat(problem.format()).contains("(a)/x/route").contains("(b)/x/route").contains("/x");
        assertThat(problem.fix()).isNotBlank();
    }

    @Test
    void differentParamNamesAtTheSameLevel() {
        Problem problem = only(problems(TestApp.builder()
                .file("app/things/[id]/route.java", OK)
                .file("app/things/[slug]/route.java", OK)));
        assertThat(problem.format()).contains("[id]").contains("[slug]").contains("things");
        assertThat(problem.fix()).isNotBlank();
    }

    @Test
    void differentParamNamesAtTheSameLevelWithDifferentDepths() {
        Problem problem = only(problems(TestApp.builder()
                .file("app/things/[id]/route.java", OK)
                .file("app/things/[slug]/edit/route.java", OK)));
        assertThat(problem.format()).contains("'id' !== 'slug'").contains("app/things/[id]/route.java")
                .contains("app/things/[slug]/edit/route.java");
        assertThat(problem.fix()).contains("[slug]").contains("[id]");
    }

    @Test
    void requiredAndOptionalCatchAllAtTheSameLevel() {
        Problem problem = only(problems(TestApp.builder()
                .file("app/c/[...slug]/route.java", OK)
                .file("app/c/[[...slug]]/route.java", OK)));
        assertThat(problem.format()).contains("[...slug]").contains("[[...slug]]")
                .contains("app/c/[...slug]/route.java").contains("app/c/[[...slug]]/route.java");
        assertThat(problem.fix()).isNotBlank();
    }

    @Test
    void everySourceProblemIsReportedAtOnce() {
        Problems problems = problems(TestApp.builder()
                .file("app/a/route.java", route("    static Response get() { return Response.text(\"x\"); }"))
                .file("app/b/route.java", route("    static final String dynamic = \"bogus\";", "    static Response GET() { return Response.text(\"x\"); }"))
                .file("app/c/route.java", route("    static String GET() { return \"x\"; }"))
                .file("app/fine/route.java", OK));
        List<String> files = problems.problems().stream().map(ErrorMessagesTest::path).toList();
        assertThat(files).contains("app/a/route.java", "app/b/route.java", "app/c/route.java").doesNotContain("app/fine/route.java");
        assertThat(problems.report()).contains("3 problems found");
    }

    @Test
    void routingAndSourceProblemsAreReportedTogether() {
        Problems problems = problems(TestApp.builder()
                .file("app/things/[id]/route.java", OK)
                .file("app/things/[slug]/route.java", OK)
                .file("app/a/route.java", route("    static Response get() { return Response.text(\"x\"); }")));
        assertThat(problems.report()).contains("[slug]").contains("app/a/route.java");
        assertThat(problems.problems()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void revalidateContradictsForceDynamic() {
        Problem problem = only(problems(TestApp.builder().file("app/both/route.java",
                route("    static final String dynamic = \"force-dynamic\";", "    static final int revalidate = 60;",
                        "    static Response GET() { return Response.text(\"x\"); }"))));
        assertThat(path(problem)).isEqualTo("app/both/route.java");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("`revalidate = 60`").contains("force-dynamic");
        assertThat(problem.fix()).contains("remove `revalidate`");
    }

    @Test
    void revalidateZeroContradictsForceStatic() {
        Problem problem = only(problems(TestApp.builder().file("app/both/route.java",
                route("    static final String dynamic = \"force-static\";", "    static final int revalidate = 0;",
                        "    static Response GET() { return Response.text(\"x\"); }"))));
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("`revalidate = 0`").contains("force-static");
    }

    @Test
    void dynamicErrorRouteThatReadsRequestDataFailsItsBuildNamingTheApi() {
        Problem problem = only(problems(TestApp.builder().cached(true).file("app/strict/route.java",
                route("    static final String dynamic = \"error\";",
                        "    static Response GET(Request request) { return Response.text(request.headers().get(\"accept\") + request.nextUrl().searchParams().get(\"q\")); }"))));
        assertThat(path(problem)).isEqualTo("app/strict/route.java");
        assertThat(problem.message()).contains("/strict").contains("dynamic = \"error\"").contains("`headers`").contains("`searchParams`");
        assertThat(problem.fix()).contains("force-dynamic");
    }

    @Test
    void dynamicErrorRouteThatReadsCookiesThroughCurrentFailsToo() {
        Problem problem = only(problems(TestApp.builder().cached(true).file("app/strict/route.java",
                route("    static final String dynamic = \"error\";",
                        "    static Response GET() { return Response.text(String.valueOf(Current.cookies().get(\"a\"))); }"))));
        assertThat(problem.message()).contains("`cookies`");
    }

    @Test
    void aHandlerThatThrowsWhilePrerenderingFailsTheBuildWithItsFile() {
        Problem problem = only(problems(TestApp.builder().cached(true).file("app/boom/route.java",
                route("    static final String dynamic = \"force-static\";",
                        "    static Response GET() { throw new IllegalStateException(\"no database at build\"); }"))));
        assertThat(path(problem)).isEqualTo("app/boom/route.java");
        assertThat(problem.message()).contains("GET /boom").contains("no database at build");
    }
}
