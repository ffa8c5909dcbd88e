package dev.approute.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.approute.internal.app.Problem;

class AppCompilerTest {
    @TempDir
    Path root;

    private LoadResult compileAndLoad(TestApp app) {
        CompileResult result = new AppCompiler(app.layout).compileAll(app.entries());
        assertThat(result.problems()).as("problems").isEmpty();
        LoadResult loaded = new RouteLoader(app.layout.classesDir()).load(result.routes());
        assertThat(loaded.problems()).isEmpty();
        return loaded;
    }

    private static RouteModule module(LoadResult loaded, String pattern) {
        return loaded.modules().stream().filter(m -> m.entry().pattern().toString().equals(pattern)).findFirst().orElseThrow();
    }

    @Test
    void eachOfTheThreeSignaturesIsBoundAndReturnsTheResponse() throws Throwable {
        TestApp app = new TestApp(root)
                .route("none", "class Route { static Response GET() { return Response.text(\"none\"); } }")
                .route("one", "import dev.approute.*;\nclass Route {\n  static Response GET(Request request) { return Response.text(\"one:\" + (request == null)); }\n}")
                .route("api/items/[slug]", """
                        import dev.approute.*;
                        class Route {
                            static Response GET(Request request, RouteContext ctx) { return Response.json(Map.of("slug", ctx.params().get("slug"))); }
                        }
                        """);
        LoadResult loaded = compileAndLoad(app);
        assertThat(loaded.modules()).hasSize(3);
        var context = TestApp.params(Map.of("slug", "shoe"));
        assertThat(TestApp.body(module(loaded, "/none").handlers().get(HttpMethod.GET).handle(null, context))).isEqualTo("none");
        assertThat(TestApp.body(module(loaded, "/one").handlers().get(HttpMethod.GET).handle(null, context))).isEqualTo("one:true");
        RouteModule items = module(loaded, "/api/items/[slug]");
        assertThat(items.className()).isEqualTo("approute.routes.api.items._slug_.Route");
        assertThat(TestApp.body(items.handlers().get(HttpMethod.GET).handle(null, context))).isEqualTo("{\"slug\":\"shoe\"}");
        assertThat(items.handlers()).containsOnlyKeys(HttpMethod.GET);
    }

    @Test
    void asyncHandlersAndCheckedExceptionsPassThrough() throws Throwable {
        TestApp app = new TestApp(root).route("async", """
                import java.util.concurrent.*;
                class Route {
                    static CompletionStage<Response> POST(Request request) throws Exception {
                        return CompletableFuture.supplyAsync(() -> Response.text("later"));
                    }
                    static CompletableFuture<Response> PUT() { return CompletableFuture.completedFuture(Response.text("put")); }
                    static Response DELETE() throws Exception { throw new java.io.IOException("disk on fire"); }
                }
                """);
        RouteModule module = compileAndLoad(app).modules().get(0);
        assertThat(module.handlers()).containsOnlyKeys(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE);
        Object result = module.handlers().get(HttpMethod.POST).handle(null, TestApp.params(Map.of()));
        assertThat(result).isInstanceOf(java.util.concurrent.CompletionStage.class);
        assertThat(TestApp.body(result)).isEqualTo("later");
        assertThat(TestApp.body(module.handlers().get(HttpMethod.PUT).handle(null, null))).isEqualTo("put");
        assertThatThrownBy(() -> module.handlers().get(HttpMethod.DELETE).handle(null, null))
                .isInstanceOf(java.io.IOException.class).hasMessage("disk on fire");
    }

    @Test
    void sameNamedClassesInTwoFoldersDoNotClash() throws Throwable {
        TestApp app = new TestApp(root)
                .route("a", "class Route { static Response GET() { return Response.text(Helper.name()); } }")
                .file("app/a/Helper.java", "class Helper { static String name() { return \"helper-a\"; } }")
                .route("b", "class Route { static Response GET() { return Response.text(Helper.name()); } }")
                .file("app/b/Helper.java", "class Helper { static String name() { return \"helper-b\"; } }")
                // a subfolder's file belongs to its own route, not to the parent's
                .route("a/[x]", "class Route { static Response GET() { return Response.text(Helper.name()); } }")
                .file("app/a/[x]/Helper.java", "class Helper { static String name() { return \"helper-a-x\"; } }");
        LoadResult loaded = compileAndLoad(app);
        assertThat(TestApp.body(module(loaded, "/a").handlers().get(HttpMethod.GET).handle(null, null))).isEqualTo("helper-a");
        assertThat(TestApp.body(module(loaded, "/b").handlers().get(HttpMethod.GET).handle(null, null))).isEqualTo("helper-b");
        assertThat(TestApp.body(module(loaded, "/a/[x]").handlers().get(HttpMethod.GET).handle(null, null))).isEqualTo("helper-a-x");
        assertThat(loaded.modules()).extracting(RouteModule::className)
                .containsExactlyInAnyOrder("approute.routes.a.Route", "approute.routes.b.Route", "approute.routes.a._x_.Route");
    }

    @Test
    void packageNamesAreReadableAndDeduplicated() {
        RoutePackages packages = new RoutePackages();
        Path app = root.resolve("app");
        assertThat(packages.packageOf(app, app)).isEqualTo("approute.routes");
        assertThat(packages.packageOf(app, app.resolve("api/items/[slug]"))).isEqualTo("approute.routes.api.items._slug_");
        assertThat(packages.packageOf(app, app.resolve("api/items/(slug)"))).isEqualTo("approute.routes.api.items._slug__2");
        assertThat(packages.packageOf(app, app.resolve("(shop)/[...all]/class/2024"))).isEqualTo("approute.routes._shop_.____all_.class_._2024");
        assertThat(packages.packageOf(app, app.resolve("api/items/[slug]"))).isEqualTo("approute.routes.api.items._slug_");
    }

    @Test
    void srcClassesAreVisibleToEveryRoute() throws Throwable {
        TestApp app = new TestApp(root)
                .file("src/com/acme/Db.java", "package com.acme;\npublic final class Db { public static String find(String id) { return \"item-\" + id; } }")
                .route("items/[id]", """
                        import com.acme.Db;
                        class Route { static Response GET(Request r, RouteContext ctx) { return Response.text(Db.find(ctx.params().get("id"))); } }
                        """);
        LoadResult loaded = compileAndLoad(app);
        assertThat(Files.isRegularFile(app.layout.classesDir().resolve("src/com/acme/Db.class"))).isTrue();
        assertThat(TestApp.body(loaded.modules().get(0).handlers().get(HttpMethod.GET).handle(null, TestApp.params(Map.of("id", "7")))))
                .isEqualTo("item-7");
    }

    @Test
    void everyMistakeIsReportedWithFileLineAndFixInOneRun() {
        TestApp app = new TestApp(root)
                .route("lower", """
                        class Route {
                            static Response get() { return Response.text("x"); }

                            static Response Post() { return Response.text("x"); }
                        }
                        """)
                .route("instance", """
                        class Route {
                            Response GET() { return Response.text("x"); }
                        }
                        """)
                .route("params", """
                        class Route {
                            static Response GET(String id) { return Response.text(id); }
                            static Response POST(Request request, RouteContext ctx, int extra) { return null; }
                        }
                        """)
                .route("returns", """
                        import java.util.concurrent.CompletionStage; class Route {
                            static String GET() { return "x"; }
                            static CompletionStage<String> POST() { return null; }
                            static void PUT(Request request) { }
                        }
                        """)
                .route("nohandler", """
                        class Route {
                            static Response hello() { return Response.text("x"); }
                        }
                        """)
                .route("noclass", """
                        // nothing but an interface
                        interface Route { }
                        """)
                .route("typo", """
                        class Route {
                            static Response GET() {
                                return Response.text(Helper.NAME);
                            }
                        }
                        """)
                .file("app/typo/Helper.java", "class Helper {\n    static final int NAME = \"not an int\";\n}\n")
                .route("pkg", """
                        // a comment first
                        package com.acme.routes;

                        class Route { static Response GET() { return Response.text("x"); } }
                        """);
        CompileResult result = new AppCompiler(app.layout).compileAll(app.entries());
        List<Problem> problems = result.problems();
        assertProblem(problems, "app/lower/route.java", 2, "`get` is not a handler: handler names are upper-case. Rename it to `GET`");
        assertProblem(problems, "app/lower/route.java", 4, "`Post` is not a handler: handler names are upper-case. Rename it to `POST`");
        assertProblem(problems, "app/instance/route.java", 2, "`GET` is an instance method, but handlers are static");
        assertProblem(problems, "app/params/route.java", 2, "`GET(String id)` has parameters approute cannot pass: a handler takes (), (Request) or (Request, RouteContext)");
        assertProblem(problems, "app/params/route.java", 3, "`POST(Request request, RouteContext ctx, int extra)` has parameters");
        assertProblem(problems, "app/returns/route.java", 2, "`GET` returns String, but a handler returns Response, CompletionStage<Response> or CompletableFuture<Response>");
        assertProblem(problems, "app/returns/route.java", 3, "`POST` returns CompletionStage<String>");
        assertProblem(problems, "app/returns/route.java", 4, "`PUT` returns void");
        assertProblem(problems, "app/nohandler/route.java", 1, "class Route declares no handler");
        assertProblem(problems, "app/noclass/route.java", 2, "route.java declares no top-level class");
        assertProblem(problems, "app/typo/Helper.java", 2, "incompatible types: java.lang.String cannot be converted to int");
        assertProblem(problems, "app/pkg/route.java", 2, "`package com.acme.routes;`: files in app/ have no package declaration");
        assertThat(problems).allSatisfy(p -> assertThat(p.format()).startsWith(p.file().toString().replace('\\', '/') + ":"));
        assertThat(problems).filteredOn(p -> !p.file().toString().contains("typo")).allSatisfy(p -> assertThat(p.fix()).isNotBlank());
        assertThat(problems.stream().filter(p -> p.file().toString().contains("pkg")).findFirst().orElseThrow().fix()).contains("remove the `package` line");
        assertThat(result.routes()).extracting(r -> r.entry().pattern().toString()).doesNotContain("/lower", "/typo", "/pkg", "/noclass");
    }

    @Test
    void internalPackagesAreHiddenFromRoutesAndSrc() {
        TestApp app = new TestApp(root)
                .file("src/com/acme/Util.java", "package com.acme;\n\nimport dev.approute.internal.json.Json;\npublic class Util { }\n")
                .route("sneaky", """
                        import dev.approute.internal.runtime.RequestScope;
                        class Route {
                            static Response GET() {
                                Object o = dev.approute.internal.json.Json.mapper();
                                return Response.text("x");
                            }
                        }
                        """);
        List<Problem> problems = new AppCompiler(app.layout).compileAll(app.entries()).problems();
        assertProblem(problems, "app/sneaky/route.java", 1, "package dev.approute.internal.runtime does not exist");
        assertProblem(problems, "app/sneaky/route.java", 4, "dev.approute.internal.json");
        assertProblem(problems, "src/com/acme/Util.java", 3, "package dev.approute.internal.json does not exist");
        assertThat(problems).filteredOn(p -> p.message().contains("dev.approute.internal"))
                .allSatisfy(p -> assertThat(p.fix()).contains("public API dev.approute"));
    }

    @Test
    void recompileYieldsNewBehaviourThroughANewLoader() throws Throwable {
        TestApp app = new TestApp(root)
                .file("src/com/acme/Greeting.java", "package com.acme;\npublic class Greeting { public static String hi() { return \"hi\"; } }")
                .route("hot", "class Route { static Response GET() { return Response.text(com.acme.Greeting.hi() + \" v1\"); } }")
                .route("other", "class Route { static Response GET() { return Response.text(\"other\"); } }");
        AppCompiler compiler = new AppCompiler(app.layout);
        CompileResult first = compiler.compileAll(app.entries());
        assertThat(first.problems()).isEmpty();
        RouteLoader loader = new RouteLoader(app.layout.classesDir());
        RouteModule v1 = module(loader.load(first.routes()), "/hot");
        assertThat(TestApp.body(v1.handlers().get(HttpMethod.GET).handle(null, null))).isEqualTo("hi v1");

        app.route("hot", "class Route { static Response GET() { return Response.text(com.acme.Greeting.hi() + \" v2\"); } "
                + "static Response POST() { return Response.text(\"new\"); } }");
        CompileResult second = compiler.recompile(app.entry("hot"));
        assertThat(second.problems()).isEmpty();
        assertThat(second.routes()).singleElement().satisfies(route -> {
            assertThat(route.packageName()).isEqualTo("approute.routes.hot");
            assertThat(route.classesDir()).isNotEqualTo(AppCompiler.routeClassesDir(app.layout));
        });
        RouteModule v2 = loader.reload(second.routes().get(0));
        assertThat(TestApp.body(v2.handlers().get(HttpMethod.GET).handle(null, null))).isEqualTo("hi v2");
        assertThat(TestApp.body(v2.handlers().get(HttpMethod.POST).handle(null, null))).isEqualTo("new");
        assertThat(TestApp.body(v1.handlers().get(HttpMethod.GET).handle(null, null))).isEqualTo("hi v1");

        app.route("hot", "class Route { static Response GET() { return 42; } }");
        CompileResult broken = compiler.recompile(app.entry("hot"));
        assertThat(broken.routes()).isEmpty();
        assertProblem(broken.problems(), "app/hot/route.java", 1, "incompatible types");
    }

    @Test
    void twoHundredGeneratedRoutesCompileInOnePass() throws Throwable {
        TestApp app = new TestApp(root);
        for (int i = 0; i < 200; i++) {
            app.route("gen/r" + i + "/[id]", "class Route {\n  static Response GET(Request r, RouteContext c) { return Response.text(\"" + i
                    + ":\" + c.params().get(\"id\") + Helper.X); }\n}\n");
            app.file("app/gen/r" + i + "/[id]/Helper.java", "class Helper { static final String X = \"/h" + i + "\"; }");
        }
        CompileResult result = new AppCompiler(app.layout).compileAll(app.entries());
        assertThat(result.problems()).isEmpty();
        assertThat(result.routes()).hasSize(200);
        LoadResult loaded = new RouteLoader(app.layout.classesDir()).load(result.routes());
        assertThat(loaded.modules()).hasSize(200);
        for (int i : new int[] {0, 57, 199}) {
            RouteModule module = module(loaded, "/gen/r" + i + "/[id]");
            assertThat(TestApp.body(module.handlers().get(HttpMethod.GET).handle(null, TestApp.params(Map.of("id", "x")))))
                    .isEqualTo(i + ":x/h" + i);
        }
    }

    static void assertProblem(List<Problem> problems, String file, int line, String messagePart) {
        assertThat(problems)
                .as("a problem at %s:%d containing %s", file, line, messagePart)
                .anySatisfy(problem -> {
                    assertThat(problem.file().toString().replace('\\', '/')).isEqualTo(file);
                    assertThat(problem.line()).isEqualTo(line);
                    assertThat(problem.message()).contains(messagePart);
                });
    }
}
