package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.approute.internal.app.Problem;
import dev.approute.internal.app.Problems;

/** Mistakes in metadata routes are build errors naming the file, the line and the fix, as route.java mistakes are. */
class MetadataErrorMessagesTest {
    private static Problem only(TestApp.Builder builder) {
        Problems problems = catchThrowableOfType(Problems.class, () -> builder.start().close());
        assertThat(problems).as("the app must be refused with Problems").isNotNull();
        assertThat(problems.problems()).as(problems.report()).hasSize(1);
        return problems.problems().get(0);
    }

    private static Problem only(String file, String source) {
        return only(TestApp.builder().file(file, source));
    }

    private static String path(Problem problem) {
        return problem.file().toString().replace('\\', '/');
    }

    @Test
    void aSitemapWithoutItsMethod() {
        Problem problem = only("app/sitemap.java", """
                class Sitemap {
                    static List<MetadataRoute.SitemapEntry> entries() { return List.of(); }
                }
                """);
        assertThat(path(problem)).isEqualTo("app/sitemap.java");
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("class Sitemap declares no `sitemap()` method").contains("/sitemap.xml");
        assertThat(problem.fix()).contains("static List<MetadataRoute.SitemapEntry> sitemap()");
    }

    @Test
    void robotsReturningAMap() {
        Problem problem = only("app/robots.java", """
                class Robots {
                    static Map<String, Object> robots() { return Map.of("rules", Map.of("userAgent", "*")); }
                }
                """);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("`robots` returns Map<String, Object>").contains("MetadataRoute.Robots");
        assertThat(problem.fix()).contains("MetadataRoute.Robots.of(");
        assertThat(problem.format()).startsWith("app/robots.java:2: ");
    }

    @Test
    void anInstanceManifestMethod() {
        Problem problem = only("app/manifest.java", """
                class Manifest {
                    MetadataRoute.Manifest manifest() { return MetadataRoute.Manifest.create(); }
                }
                """);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("instance method");
        assertThat(problem.fix()).contains("add `static`");
    }

    @Test
    void anImageMethodWithParametersApprouteCannotPass() {
        Problem problem = only("app/icon.java", """
                class Icon {
                    static Response icon(String size) { return Response.text(size); }
                }
                """);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("`icon(String size)`").contains("(RouteContext ctx)");
        assertThat(problem.fix()).contains("icon(RouteContext ctx)");
    }

    @Test
    void nextsDefaultExportNameIsNotTheMethod() {
        Problem problem = only("app/opengraph-image.java", """
                class OpengraphImage {
                    static Response Image() { return ImageResponse.png(1, 1, g -> { }); }
                }
                """);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("`Image` is not the method approute calls").contains("`image()`");
        assertThat(problem.fix()).isEqualTo("rename `Image` to `image`");
    }

    @Test
    void aSitemapWithAnIdNeedsGenerateSitemaps() {
        Problem problem = only("app/sitemap.java", """
                class Sitemap {
                    static List<MetadataRoute.SitemapEntry> sitemap(String id) { return List.of(); }
                }
                """);
        assertThat(problem.message()).contains("sitemap() takes no parameters").contains("generateSitemaps()");
    }

    @Test
    void generateSitemapsMustReturnAList() {
        Problem problem = only("app/sitemap.java", """
                class Sitemap {
                    static int generateSitemaps() { return 2; }
                    static List<MetadataRoute.SitemapEntry> sitemap(String id) { return List.of(); }
                }
                """);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("static List<...> generateSitemaps()");
        assertThat(problem.fix()).contains("List.of(0, 1, 2)");
    }

    @Test
    void generateImageMetadataIsNotSupportedYet() {
        Problem problem = only("app/icon.java", """
                class Icon {
                    static List<Map<String, Object>> generateImageMetadata() { return List.of(); }
                    static Response icon() { return ImageResponse.png(1, 1, g -> { }); }
                }
                """);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("generateImageMetadata() is not supported");
        assertThat(problem.fix()).contains("icon1.java, icon2.java");
    }

    @Test
    void imageConstantsHaveNextsTypes() {
        Problem problem = only("app/twitter-image.java", """
                class TwitterImage {
                    static final String size = "1200x630";
                    static Response image() { return ImageResponse.png(1, 1, g -> { }); }
                }
                """);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("`size`").contains("static final ImageResponse.Size");
        assertThat(problem.fix()).contains("new ImageResponse.Size(1200, 630)");

        Problem contentType = only("app/icon.java", """
                class Icon {
                    static final String contentType = "text/plain";
                    static Response icon() { return ImageResponse.png(1, 1, g -> { }); }
                }
                """);
        assertThat(contentType.message()).contains("\"text/plain\" is not an image type");
    }

    @Test
    void segmentConfigOfAMetadataRouteIsCheckedAsOnARoute() {
        Problem problem = only("app/sitemap.java", """
                class Sitemap {
                    static final String dynamic = "sometimes";
                    static List<MetadataRoute.SitemapEntry> sitemap() { return List.of(); }
                }
                """);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("sometimes");
    }

    @Test
    void twoImageFilesWithTheSameClassNameGetAFix() {
        String icon = "class Icon {\n    static Response icon() { return ImageResponse.png(1, 1, g -> { }); }\n}\n";
        Problem problem = only(TestApp.builder().file("app/icon.java", icon).file("app/apple-icon.java", icon));
        assertThat(problem.message()).contains("duplicate class");
        assertThat(problem.fix()).contains("class AppleIcon in apple-icon.java");
    }

    @Test
    void generatedSitemapIdsClashingWithARouteAreFoundAfterLoading() {
        Problem problem = only(TestApp.builder()
                .file("app/sitemap.java", """
                        class Sitemap {
                            static List<String> generateSitemaps() { return List.of("a"); }
                            static List<MetadataRoute.SitemapEntry> sitemap(String id) { return List.of(); }
                        }
                        """)
                .file("app/sitemap/[page]/route.java", "class Route { static Response GET() { return Response.text(\"x\"); } }\n"));
        assertThat(problem.message()).contains("/sitemap/[__metadata_id__]").contains("/sitemap/[page]").contains("app/sitemap.java");
    }

    @Test
    void aStaticOpenGraphImageOverEightMegabytes(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("app"));
        Files.write(root.resolve("app/opengraph-image.png"), new byte[9 * 1024 * 1024]);
        Problem problem = only(TestApp.builder().root(root));
        assertThat(path(problem)).isEqualTo("app/opengraph-image.png");
        assertThat(problem.message()).contains("9.00 MB").contains("8 MB");
        assertThat(problem.fix()).contains("smaller");
    }
}
