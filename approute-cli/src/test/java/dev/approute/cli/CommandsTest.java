package dev.approute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The commands the issue names, run in-process on small apps (no server is started). */
class CommandsTest {
    @TempDir
    Path app;

    private String out;
    private String err;

    private int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = outBytes.toString(StandardCharsets.UTF_8);
            err = errBytes.toString(StandardCharsets.UTF_8);
        }
    }

    private void write(String relative, String content) throws Exception {
        AppFiles.write(app, relative, content);
    }

    private void goodApp() throws Exception {
        write("app/api/hello/route.java", "class Route { static Response GET() { return Response.json(Map.of(\"m\", \"hi\")); } }");
        write("app/api/items/[slug]/route.java",
                "class Route { static Response GET(Request r, RouteContext c) { return Response.text(c.params().get(\"slug\")); }"
                        + " static Response POST() { return Response.empty(201); } }");
        write("app/api/static/route.java",
                "class Route { static final String dynamic = \"force-static\"; static Response GET() { return Response.text(\"s\"); } }");
    }

    @Test
    void buildWritesTheManifestPrintsTheTableAndPrerenders() throws Exception {
        goodApp();
        assertThat(run("build", app.toString())).isZero();
        assertThat(app.resolve(".approute/manifest.json")).isRegularFile();
        assertThat(out).contains("ƒ /api/hello").contains("ƒ /api/items/[slug]").contains("○ /api/static")
                .contains("GET POST").contains("prerendered").contains("/api/static 200");
    }

    @Test
    void routesJsonIsInMatchOrderWithMethodsAndConfig() throws Exception {
        goodApp();
        assertThat(run("routes", app.toString(), "--json")).isZero();
        JsonNode rows = new ObjectMapper().readTree(out);
        assertThat(rows).extracting(row -> row.get("pattern").asText())
                .containsExactly("/api/hello", "/api/items/[slug]", "/api/static");
        assertThat(rows.get(1).get("allow").asText()).isEqualTo("GET, HEAD, OPTIONS, POST");
        assertThat(rows.get(2).get("config").get("dynamic").asText()).isEqualTo("force-static");
        assertThat(rows.get(2).get("cache").get("cacheControl").asText()).isEqualTo("s-maxage=31536000");
    }

    @Test
    void metadataRoutesAndStaticMetadataFilesAreListed() throws Exception {
        write("app/robots.txt", "User-Agent: *\n");
        write("app/blog/sitemap.java", """
                class Sitemap {
                    static List<String> generateSitemaps() { return List.of("a", "b"); }
                    static List<MetadataRoute.SitemapEntry> sitemap(String id) { return List.of(MetadataRoute.SitemapEntry.of(id)); }
                }
                """);
        write("app/opengraph-image.java", """
                class OpengraphImage {
                    static final String alt = "Acme";
                    static final ImageResponse.Size size = new ImageResponse.Size(1200, 630);
                    static Response image() { return ImageResponse.png(size, g -> { }); }
                }
                """);
        assertThat(run("build", app.toString())).isZero();
        assertThat(out).contains("○ /robots.txt").contains("○ /opengraph-image").contains("● /blog/sitemap/[__metadata_id__]")
                .contains("/blog/sitemap/a.xml 200").contains("/blog/sitemap/b.xml 200").contains("/opengraph-image 200");
        assertThat(run("routes", app.toString(), "--json")).isZero();
        JsonNode rows = new ObjectMapper().readTree(out);
        assertThat(rows).extracting(row -> row.get("pattern").asText() + " " + row.get("kind").asText())
                .containsExactlyInAnyOrder("/robots.txt metadata", "/opengraph-image metadata", "/blog/sitemap/[__metadata_id__] metadata");
        JsonNode image = rows.findParents("metadata").stream().filter(row -> row.get("pattern").asText().equals("/opengraph-image"))
                .findFirst().orElseThrow().get("metadata");
        assertThat(image.get("alt").asText()).isEqualTo("Acme");
        assertThat(image.get("size").get("width").asInt()).isEqualTo(1200);
    }

    @Test
    void routesMatchPrintsTheFileAndDecodedParams() throws Exception {
        goodApp();
        assertThat(run("routes", app.toString(), "--match", "/api/items/caf%C3%A9")).isZero();
        JsonNode match = new ObjectMapper().readTree(out);
        assertThat(match.get("file").asText()).isEqualTo("app/api/items/[slug]/route.java");
        assertThat(match.get("params").get("slug").asText()).isEqualTo("café");
        assertThat(run("routes", app.toString(), "--match", "/nope")).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(out).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void checkExitsOneListingEveryProblemAndLeavesNoBuild() throws Exception {
        write("app/things/[id]/route.java", "class Route { static Response GET() { return Response.empty(); } }");
        write("app/things/[slug]/edit/route.java", "class Route { static Response GET() { return Response.empty(); } }");
        write("app/lower/route.java", "class Route { static Response get() { return Response.empty(); } }");
        assertThat(run("check", app.toString())).isEqualTo(1);
        assertThat(err).contains("different slug names").contains("app/lower/route.java:1:").contains("2 problems found");
        assertThat(app.resolve(".approute")).doesNotExist();
    }

    @Test
    void startRefusesACacheUrlItCannotUseAndHidesItsPassword() throws Exception {
        goodApp();
        assertThat(run("build", app.toString())).isZero();
        assertThat(run("start", app.toString(), "--port", "0", "--cache-url", "memcached://u:s3cret@host:11211")).isEqualTo(1);
        assertThat(err).contains("--cache-url memcached://u:***@host:11211").contains("no cache store handles 'memcached://'")
                .contains("redis://").contains("fix:").doesNotContain("s3cret");
        assertThat(run("start", app.toString(), "--port", "0", "--cache-url", "redis://host/zero")).isEqualTo(1);
        assertThat(err).contains("the path '/zero' must be a database number");
    }

    @Test
    void checkReportsApprouteJsonProblemsWithTheRouteProblems() throws Exception {
        write("app/lower/route.java", "class Route { static Response get() { return Response.empty(); } }");
        write("approute.json", "{\n  \"trailingSlash\": \"yes\",\n  \"rewrites\": [{\"source\": \"/a\", \"destination\": \"https://other.example/a\"}]\n}\n");
        assertThat(run("check", app.toString())).isEqualTo(1);
        assertThat(err).contains("approute.json:2: `trailingSlash` is \"yes\" (a string), but it must be true or false")
                .contains("approute.json:3: `rewrites[0].destination` is \"https://other.example/a\": approute does not proxy")
                .contains("app/lower/route.java:1:").contains("3 problems found");
    }

    @Test
    void startRefusesABrokenApprouteJson() throws Exception {
        goodApp();
        assertThat(run("build", app.toString())).isZero();
        write("approute.json", "{\"compres\": false}");
        assertThat(run("start", app.toString(), "--port", "0")).isEqualTo(1);
        assertThat(err).contains("approute.json:1: unknown key `compres`").contains("did you mean `compress`");
    }

    @Test
    void startRefusesAMissingBuildAndAStaleOne() throws Exception {
        goodApp();
        assertThat(run("start", app.toString(), "--port", "0")).isEqualTo(1);
        assertThat(err).contains("no build here").contains("./approute build");

        assertThat(run("build", app.toString())).isZero();
        write("app/api/hello/route.java", "class Route { static Response GET() { return Response.text(\"changed\"); } }");
        assertThat(run("start", app.toString(), "--port", "0")).isEqualTo(1);
        assertThat(err).contains("stale").contains("./approute build");
    }

    @Test
    void buildPrintsWarningsNamingTheFile() throws Exception {
        write("app/edge/route.java", "class Route { static final String runtime = \"edge\"; static Response GET() { return Response.text(\"e\"); } }");
        write("app/peek/route.java", "class Route { static final String dynamic = \"force-static\";"
                + " static Response GET(Request r) { return Response.text(String.valueOf(r.headers().get(\"x\"))); } }");
        write("app/plain/route.java", "class Route { static final boolean dynamicParams = false; static Response GET() { return Response.text(\"p\"); } }");
        assertThat(run("build", app.toString())).isZero();
        assertThat(out).contains("⚠ app/edge/route.java: runtime = \"edge\"")
                .contains("⚠ app/peek/route.java: GET /peek is cached (static) but reads headers")
                .contains("⚠ app/plain/route.java: dynamicParams = false has no effect");
    }

    @Test
    void routesJsonSaysWhyARouteIsNotCached() throws Exception {
        goodApp();
        write("app/api/forced/route.java", "class Route { static final String dynamic = \"force-dynamic\"; static Response GET() { return Response.text(\"f\"); } }");
        write("app/api/hook/route.java", "class Route { static Response POST() { return Response.text(\"h\"); } }");
        assertThat(run("routes", app.toString(), "--json")).isZero();
        JsonNode rows = new ObjectMapper().readTree(out);
        java.util.Map<String, String> reasons = new java.util.TreeMap<>();
        rows.forEach(row -> reasons.put(row.get("pattern").asText(), row.get("cache").path("reason").asText("")));
        assertThat(reasons).containsEntry("/api/forced", "dynamic = \"force-dynamic\"")
                .containsEntry("/api/hook", "no GET handler: only GET responses are cached")
                .containsEntry("/api/static", "");
        assertThat(reasons.get("/api/hello")).contains("by default");
    }
}
