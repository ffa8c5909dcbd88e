package dev.approute.internal.compile;

import static dev.approute.internal.compile.AppCompilerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.approute.internal.app.Problem;

class SegmentConfigAndManifestTest {
    @TempDir
    Path root;

    @Test
    void validConfigIsReadAtCompileAndAtLoadWithWarnings() {
        TestApp app = new TestApp(root).route("cfg", """
                class Route {
                    static final String dynamic = "force-static";
                    static final boolean dynamicParams = false;
                    static final int revalidate = 60 * 10;
                    static final String fetchCache = "only-no-store";
                    static final String runtime = "edge";
                    static final String[] preferredRegion = {"iad1", "sfo1"};
                    static final int maxDuration = 30;
                    static final String bodySizeLimit = "50mb";
                    static Response GET() { return Response.text("x"); }
                }
                """);
        CompileResult result = new AppCompiler(app.layout).compileAll(app.entries());
        assertThat(result.problems()).isEmpty();
        SegmentConfig expected = new SegmentConfig("force-static", false, 600, "only-no-store", "edge", List.of("iad1", "sfo1"), 30,
                50L * 1024 * 1024);
        assertThat(result.routes().get(0).config()).isEqualTo(expected);
        LoadResult loaded = new RouteLoader(app.layout.classesDir()).load(result.routes());
        RouteModule module = loaded.modules().get(0);
        assertThat(module.config()).isEqualTo(expected);
        assertThat(module.warnings()).anySatisfy(w -> assertThat(w).contains("runs every route on the JVM like \"nodejs\""));
    }

    @Test
    void bodySizeLimitIsASizeOrANumberOfBytes() {
        assertThat(SegmentConfigParser.parse(Map.of("bodySizeLimit", "50mb")).config().bodySizeLimit()).isEqualTo(50L * 1024 * 1024);
        assertThat(SegmentConfigParser.parse(Map.of("bodySizeLimit", 2048)).config().bodySizeLimit()).isEqualTo(2048L);
        assertThat(SegmentConfigParser.parse(Map.of()).config().bodySizeLimit()).isNull();
        SegmentConfigParser.Result bad = SegmentConfigParser.parse(Map.of("bodySizeLimit", "huge"));
        assertThat(bad.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.message()).contains("`bodySizeLimit` is \"huge\" (a String), but it must be a size such as \"50mb\"");
            assertThat(issue.fix()).contains("static final String bodySizeLimit = \"50mb\";");
        });
    }

    @Test
    void fieldsThatAreNotStaticFinalConstantsAreReported() {
        TestApp app = new TestApp(root).route("bad", """
                class Route {
                    static String dynamic = "force-static";
                    final int revalidate = 10;
                    static final int maxDuration = Integer.parseInt("5");
                    static final boolean revalidateX = true, dynamicParams = Boolean.valueOf(true);
                    static final String fetchCache =
                        "force";
                    static Response GET() { return Response.text("x"); }
                }
                """);
        List<Problem> problems = new AppCompiler(app.layout).compileAll(app.entries()).problems();
        assertProblem(problems, "app/bad/route.java", 2, "`dynamic` is a segment-config name, but this field is not `static final`");
        assertProblem(problems, "app/bad/route.java", 3, "`revalidate` is a segment-config name, but this field is not `static final`");
        assertProblem(problems, "app/bad/route.java", 4, "`maxDuration` must be a constant");
        assertProblem(problems, "app/bad/route.java", 5, "`dynamicParams` must be a constant");
        assertProblem(problems, "app/bad/route.java", 6,
                "`fetchCache` is \"force\" (a String), but it must be one of \"auto\" | \"default-cache\" | \"only-cache\"");
        assertThat(problems).hasSize(5);
    }

    @Test
    void badValuesNameTheFieldTheValueAndTheAllowedValues() {
        var result = SegmentConfigParser.parse(java.util.Map.of("dynamic", "static", "revalidate", -1, "runtime", "deno"));
        assertThat(result.issues()).extracting(SegmentConfigParser.Issue::message).containsExactlyInAnyOrder(
                "`dynamic` is \"static\" (a String), but it must be one of \"auto\" | \"force-dynamic\" | \"error\" | \"force-static\"",
                "`revalidate` is -1 (an int), but it must be false or an int >= 0 (seconds; 0 = always dynamic)",
                "`runtime` is \"deno\" (a String), but it must be one of \"nodejs\" | \"edge\"");
        assertThat(result.issues()).filteredOn(i -> i.field().equals("dynamic")).singleElement()
                .satisfies(i -> assertThat(i.fix()).isEqualTo("static final String dynamic = \"force-static\";"));
    }

    @Test
    void manifestRoundTripsAndGoesStaleWhenAnInputChanges() throws Throwable {
        TestApp app = new TestApp(root)
                .file("src/com/acme/Db.java", "package com.acme;\npublic class Db { public static String name() { return \"db\"; } }")
                .route("api/items/[slug]", """
                        class Route {
                            static final String dynamic = "force-dynamic";
                            static Response GET(Request r, RouteContext c) { return Response.text(com.acme.Db.name() + Helper.X); }
                            static Response POST() { return Response.text("post"); }
                        }
                        """)
                .file("app/api/items/[slug]/Helper.java", "class Helper { static final String X = \"!\"; }");
        assertThat(BuildManifest.staleness(app.layout)).singleElement().asString()
                .contains("No build found").contains("run ./approute build");
        assertThatThrownBy(() -> BuildManifest.read(app.layout)).isInstanceOf(BuildManifest.StaleBuildException.class);

        CompileResult result = new AppCompiler(app.layout).compileAll(app.entries());
        assertThat(result.problems()).isEmpty();
        BuildManifest.write(app.layout, result.routes());
        assertThat(BuildManifest.staleness(app.layout)).isEmpty();

        BuildManifest.Manifest manifest = BuildManifest.read(app.layout);
        assertThat(manifest.approuteVersion()).isEqualTo(BuildManifest.VERSION);
        assertThat(manifest.inputs()).containsOnlyKeys("app/api/items/[slug]/Helper.java", "app/api/items/[slug]/route.java", "src/com/acme/Db.java");
        List<CompiledRoute> routes = manifest.routes(app.layout);
        CompiledRoute original = result.routes().get(0);
        assertThat(routes).singleElement().satisfies(route -> {
            assertThat(route.entry()).isEqualTo(original.entry());
            assertThat(route.className()).isEqualTo("approute.routes.api.items._slug_.Route");
            assertThat(route.packageName()).isEqualTo(original.packageName());
            assertThat(route.methods()).containsExactly(HttpMethod.GET, HttpMethod.POST);
            assertThat(route.config()).isEqualTo(original.config());
            assertThat(route.config().dynamic()).isEqualTo("force-dynamic");
        });
        // start: load from the manifest alone
        LoadResult loaded = new RouteLoader(app.layout.classesDir()).load(routes);
        assertThat(loaded.problems()).isEmpty();
        assertThat(TestApp.body(loaded.modules().get(0).handlers().get(HttpMethod.GET).handle(null, null))).isEqualTo("db!");
        assertThat(Files.readString(app.layout.manifestFile())).contains("\"pattern\" : \"/api/items/[slug]\"");

        app.file("app/api/items/[slug]/Helper.java", "class Helper { static final String X = \"?\"; }");
        app.file("src/com/acme/New.java", "package com.acme;\nclass New { }");
        Files.delete(app.layout.srcDir().resolve("com/acme/Db.java"));
        assertThat(BuildManifest.staleness(app.layout)).containsExactlyInAnyOrder(
                "app/api/items/[slug]/Helper.java changed since the last build: run ./approute build " + app.layout.root(),
                "src/com/acme/Db.java was deleted since the last build: run ./approute build " + app.layout.root(),
                "src/com/acme/New.java was added since the last build: run ./approute build " + app.layout.root());
    }

    @Test
    void aSourceWithTheSizeAndTimeOfTheBuildIsNotReadAgain(@TempDir Path root) throws Exception {
        TestApp app = new TestApp(root).route("api/hello", "class Route { static Response GET() { return Response.text(\"a\"); } }");
        Path source = app.layout.appDir().resolve("api/hello/route.java");
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(source, anHourAgo);
        BuildManifest.write(app.layout, new AppCompiler(app.layout).compileAll(app.entries()).routes());

        // Same size, same time, written long before the manifest: trusted as unchanged, as git and make do.
        Files.writeString(source, Files.readString(source).replace("\"a\"", "\"b\""));
        Files.setLastModifiedTime(source, anHourAgo);
        assertThat(BuildManifest.staleness(app.layout)).isEmpty();

        // Any other time: read and hashed.
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().minus(Duration.ofMinutes(30))));
        assertThat(BuildManifest.staleness(app.layout)).singleElement().asString().contains("app/api/hello/route.java changed");
    }
}
