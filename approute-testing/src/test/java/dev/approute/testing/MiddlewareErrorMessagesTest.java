package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import dev.approute.internal.app.Problem;
import dev.approute.internal.app.Problems;

/** Mistakes in middleware.java fail the build with the file, the line and a fix, like route files. */
class MiddlewareErrorMessagesTest {
    private static final String ROUTE = "class Route { static Response GET() { return Response.text(\"ok\"); } }";

    private static Problem only(String middleware) {
        Problems problems = catchThrowableOfType(Problems.class, () -> TestApp.builder()
                .file("app/route.java", ROUTE).file("middleware.java", middleware).start().close());
        assertThat(problems).as("the app must be refused").isNotNull();
        assertThat(problems.problems()).as(problems.report()).hasSize(1);
        Problem problem = problems.problems().get(0);
        assertThat(problem.file().toString().replace('\\', '/')).isEqualTo("middleware.java");
        return problem;
    }

    private static String middleware(String... bodyLines) {
        return "class Middleware {\n" + String.join("\n", bodyLines) + "\n}\n";
    }

    @Test
    void instanceHandle() {
        Problem problem = only(middleware("    Response handle(Request request, Next next) { return next.next(); }"));
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("`handle`").contains("static");
        assertThat(problem.fix()).contains("static Response handle(Request request, Next next)");
    }

    @Test
    void wrongParameters() {
        Problem problem = only(middleware("    static Response handle(Request request) { return Response.text(\"x\"); }"));
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("handle(Request request)").contains("(Request request, Next next)");
        assertThat(problem.format()).startsWith("middleware.java:2: ");
        assertThat(problem.fix()).contains("next.next()");
    }

    @Test
    void wrongReturnType() {
        Problem problem = only(middleware("", "    static void handle(Request request, Next next) { }"));
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("returns void");
        assertThat(problem.fix()).contains("next.next()");
    }

    @Test
    void nextJsFunctionNames() {
        Problem problem = only(middleware("    static Response proxy(Request request, Next next) { return next.next(); }"));
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("`proxy`").contains("`handle`");
        assertThat(problem.fix()).contains("rename");
    }

    @Test
    void noHandle() {
        Problem problem = only(middleware("    static Response run(Request request) { return null; }"));
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("class Middleware declares no `handle` method");
        assertThat(problem.fix()).contains("static Response handle(Request request, Next next)");
    }

    @Test
    void noClass() {
        Problem problem = only("interface Middleware { }\n");
        assertThat(problem.message()).contains("no top-level class");
        assertThat(problem.fix()).contains("class Middleware {");
    }

    @Test
    void matcherOfAnotherType() {
        Problem problem = only(middleware("    static final int matcher = 3;",
                "    static Response handle(Request request, Next next) { return next.next(); }"));
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("`matcher` is a int").contains("String, String[], Matcher or Matcher[]");
        assertThat(problem.fix()).contains("static final String[] matcher = {\"/api/:path*\"}");
    }

    @Test
    void matcherNotStaticFinal() {
        Problem problem = only(middleware("    static String[] matcher = {\"/api/:path*\"};",
                "    static Response handle(Request request, Next next) { return next.next(); }"));
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("static final");
        assertThat(problem.fix()).contains("static final String[] matcher");
    }

    @Test
    void constantMatcherWithARegex() {
        Problem problem = only(middleware("    static Response handle(Request request, Next next) { return next.next(); }",
                "    static final String[] matcher = {\"/api/:path*\",", "        \"/((?!_next/static).*)\"};"));
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("/((?!_next/static).*)").contains("not support");
        assertThat(problem.fix()).contains("pathname()");
    }

    @Test
    void matcherBuiltInCodeIsCheckedWhenTheClassLoads() {
        Problem problem = only(middleware("    static Response handle(Request request, Next next) { return next.next(); }",
                "    static final Matcher matcher = Matcher.source(\"/api/:id(\\\\d+)\");"));
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("the matcher is invalid").contains(":id(\\d+)");
        assertThat(problem.fix()).contains("matcher");
    }

    @Test
    void emptyMatcher() {
        Problem problem = only(middleware("    static Response handle(Request request, Next next) { return next.next(); }",
                "    static final String[] matcher = new String[0];"));
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("empty").contains("never run");
        assertThat(problem.fix()).contains("remove `matcher` to run on every path");
    }

    @Test
    void javacErrorsNameTheFileAndLine() {
        Problem problem = only(middleware("    static Response handle(Request request, Next next) {", "        return next.nope();", "    }"));
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("nope");
    }

    @Test
    void packageDeclaration() {
        Problem problem = only("package com.acme;\n" + middleware("    static Response handle(Request request, Next next) { return next.next(); }"));
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("middleware.java has no package declaration");
        assertThat(problem.fix()).contains("remove the `package` line");
    }

    @Test
    void misplacedMiddlewareFiles() {
        String ok = middleware("    static Response handle(Request request, Next next) { return next.next(); }");
        Problems problems = catchThrowableOfType(Problems.class, () -> TestApp.builder().file("app/route.java", ROUTE)
                .file("proxy.java", ok).file("app/middleware.java", ok).file("src/middleware.java", ok).start().close());
        assertThat(problems).isNotNull();
        assertThat(problems.report()).contains("proxy.java: Next.js 16 calls middleware `proxy`")
                .contains("app/middleware.java: approute reads middleware only from middleware.java at the app root")
                .contains("src/middleware.java: approute reads middleware only from middleware.java at the app root");
    }
}
