package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.runtime.AppAssembler;

/** Metadata routes (sitemap, robots, manifest, images) and static metadata files over HTTP, as `start` serves them. */
class MetadataRoutesHttpTest {
    private static final String REVALIDATE = "public, max-age=0, must-revalidate";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static Path root;
    private static TestApp app;

    @BeforeAll
    static void start() throws IOException {
        root = Files.createTempDirectory("approute-metadata-app");
        Files.createDirectories(root.resolve("app/shop"));
        Files.write(root.resolve("app/favicon.ico"), new byte[] {0, 0, 1, 0, (byte) 0xff});
        Files.write(root.resolve("app/shop/opengraph-image.png"), PNG_SIGNATURE);
        Files.write(root.resolve("app/shop/twitter-image.gif"), "GIF89a".getBytes());
        app = TestApp.builder().root(root).cached(true)
                .file("app/sitemap.java", """
                        import dev.approute.MetadataRoute.SitemapEntry;
                        class Sitemap {
                            static List<SitemapEntry> sitemap() {
                                return List.of(SitemapEntry.of("https://acme.com/?a=1&b=" + Renders.next()));
                            }
                        }
                        """)
                // a helper of the root folder, shared by sitemap.java and route.java: one class loader per folder
                .file("app/Renders.java", """
                        import java.util.concurrent.atomic.AtomicInteger;
                        class Renders {
                            static final AtomicInteger COUNT = new AtomicInteger();
                            static int next() { return COUNT.incrementAndGet(); }
                        }
                        """)
                .file("app/route.java", """
                        class Route {
                            static Response GET() { return Response.text("renders " + Renders.COUNT.get()); }
                        }
                        """)
                .file("app/robots.java", """
                        class Robots {
                            static final String dynamic = "force-dynamic";
                            static MetadataRoute.Robots robots() {
                                return MetadataRoute.Robots.of(MetadataRoute.Robots.Rule.forAgents("Googlebot").disallow("/n" + Calls.next()))
                                        .host("acme.com");
                            }
                        }
                        """)
                .file("app/Calls.java", "class Calls { static int count; static synchronized int next() { return ++count; } }\n")
                .file("app/manifest.java", """
                        class Manifest {
                            static MetadataRoute.Manifest manifest() {
                                return MetadataRoute.Manifest.create().name("Acme").startUrl("/").display("standalone");
                            }
                        }
                        """)
                .file("app/icon.java", """
                        import java.awt.Color;
                        class Icon {
                            static final ImageResponse.Size size = new ImageResponse.Size(32, 16);
                            static final String contentType = "image/png";
                            static Response icon() {
                                return ImageResponse.png(size, g -> { g.setColor(Color.BLUE); g.fillRect(0, 0, 32, 16); });
                            }
                        }
                        """)
                .file("app/blog/[slug]/opengraph-image.java", """
                        class OpengraphImage {
                            static final String alt = "A blog post";
                            static Response image(RouteContext ctx) {
                                int width = ctx.params().get("slug").length() * 10;
                                return ImageResponse.jpeg(new ImageResponse.Size(width, 10), g -> g.fillRect(0, 0, 1, 1));
                            }
                        }
                        """)
                .file("app/products/sitemap.java", """
                        import dev.approute.MetadataRoute.SitemapEntry;
                        class Sitemap {
                            static List<Integer> generateSitemaps() { return List.of(0, 1); }
                            static List<SitemapEntry> sitemap(String id) {
                                return List.of(SitemapEntry.of("https://acme.com/products/" + id));
                            }
                        }
                        """)
                .file("app/docs/sitemap.xml", "<urlset/>")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<byte[]> bytes(String path) {
        return app.send(HttpRequest.newBuilder(app.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aSitemapIsPrerenderedXmlWithNextsHeaders() {
        HttpResponse<String> first = app.get("/sitemap.xml");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("content-type")).hasValue("application/xml");
        assertThat(first.headers().firstValue("cache-control")).hasValue(REVALIDATE);
        assertThat(first.headers().firstValue("x-approute-cache")).hasValue("HIT");
        assertThat(first.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset")
                .contains("<loc>https://acme.com/?a=1&amp;b=1</loc>");
        // rendered once, at build: every request gets the same body
        assertThat(app.get("/sitemap.xml").body()).isEqualTo(first.body());
        assertThat(app.get("/").body()).isEqualTo("renders 1");
    }

    @Test
    void headOptionsAnd405AreThoseOfAGetOnlyRoute() {
        HttpResponse<String> head = app.request("HEAD", "/sitemap.xml");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("content-type")).hasValue("application/xml");
        HttpResponse<String> post = app.request("POST", "/robots.txt");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().allValues("allow")).containsExactly("GET, HEAD, OPTIONS");
        HttpResponse<String> options = app.request("OPTIONS", "/manifest.webmanifest");
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("allow")).hasValue("GET, HEAD, OPTIONS");
        HttpResponse<String> slash = app.get("/sitemap.xml/");
        assertThat(slash.statusCode()).isEqualTo(308);
        assertThat(slash.headers().firstValue("location")).hasValue("/sitemap.xml");
    }

    @Test
    void segmentConfigMakesAMetadataRouteDynamic() {
        HttpResponse<String> first = app.get("/robots.txt");
        HttpResponse<String> second = app.get("/robots.txt");
        assertThat(first.headers().firstValue("content-type")).hasValue("text/plain");
        assertThat(first.headers().firstValue("cache-control")).hasValue(REVALIDATE);
        assertThat(first.headers().firstValue("x-approute-cache")).isEmpty();
        assertThat(first.body()).startsWith("User-Agent: Googlebot\nDisallow: /n").endsWith("\n\nHost: acme.com\n");
        assertThat(second.body()).isNotEqualTo(first.body());
    }

    @Test
    void aManifestIsJson() {
        HttpResponse<String> manifest = app.get("/manifest.webmanifest");
        assertThat(manifest.headers().firstValue("content-type")).hasValue("application/manifest+json");
        assertThat(manifest.headers().firstValue("cache-control")).hasValue(REVALIDATE);
        assertThat(manifest.body()).isEqualTo("{\"name\":\"Acme\",\"start_url\":\"/\",\"display\":\"standalone\"}");
    }

    @Test
    void imagesAreDrawnWithJava2d() throws IOException {
        HttpResponse<byte[]> icon = bytes("/icon");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("content-type")).hasValue("image/png");
        assertThat(icon.headers().firstValue("cache-control")).hasValue(REVALIDATE);
        assertThat(icon.headers().firstValue("x-approute-cache")).hasValue("HIT");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(icon.body()));
        assertThat(image.getWidth()).isEqualTo(32);
        assertThat(image.getHeight()).isEqualTo(16);
        assertThat(image.getRGB(3, 3)).isEqualTo(java.awt.Color.BLUE.getRGB());
    }

    @Test
    void anImageUnderADynamicSegmentGetsTheParamsAndIsCachedPerPath() throws IOException {
        HttpResponse<byte[]> first = bytes("/blog/hello/opengraph-image");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("content-type")).hasValue("image/jpeg");
        assertThat(first.headers().firstValue("x-approute-cache")).hasValue("MISS");
        assertThat(ImageIO.read(new ByteArrayInputStream(first.body())).getWidth()).isEqualTo(50);
        assertThat(bytes("/blog/hello/opengraph-image").headers().firstValue("x-approute-cache")).hasValue("HIT");
    }

    @Test
    void generateSitemapsServesOneSitemapPerIdAtIdDotXml() {
        HttpResponse<String> one = app.get("/products/sitemap/1.xml");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("x-approute-cache")).as("prerendered").hasValue("HIT");
        assertThat(one.body()).contains("<loc>https://acme.com/products/1</loc>");
        assertThat(app.get("/products/sitemap/0.xml").body()).contains("<loc>https://acme.com/products/0</loc>");
        assertThat(app.get("/products/sitemap/2.xml").statusCode()).isEqualTo(404);
        assertThat(app.get("/products/sitemap/1").statusCode()).isEqualTo(404);
        assertThat(app.get("/products/sitemap.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void staticMetadataFilesAreServedAsTheyAreWithNextsContentTypes() throws IOException {
        HttpResponse<byte[]> favicon = bytes("/favicon.ico");
        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("content-type")).hasValue("image/x-icon");
        assertThat(favicon.headers().firstValue("cache-control")).hasValue(REVALIDATE);
        assertThat(favicon.body()).isEqualTo(Files.readAllBytes(root.resolve("app/favicon.ico")));
        HttpResponse<byte[]> og = bytes("/shop/opengraph-image.png");
        assertThat(og.headers().firstValue("content-type")).hasValue("image/png");
        assertThat(og.body()).isEqualTo(PNG_SIGNATURE);
        assertThat(bytes("/shop/twitter-image.gif").headers().firstValue("content-type")).hasValue("image/gif");
        HttpResponse<String> nested = app.get("/docs/sitemap.xml");
        assertThat(nested.headers().firstValue("content-type")).hasValue("application/xml");
        assertThat(nested.body()).isEqualTo("<urlset/>");
        HttpResponse<String> head = app.request("HEAD", "/favicon.ico");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        HttpResponse<String> delete = app.request("DELETE", "/favicon.ico");
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("allow")).hasValue("GET, HEAD, OPTIONS");
    }

    @Test
    void startLoadsTheBuildWithTheSameMetadataRoutes() {
        AppAssembler.Built built = new AppAssembler(app.layout()).loadBuilt();
        assertThat(built.modules()).filteredOn(module -> module.metadata() != null)
                .extracting(module -> module.entry().pattern().toString())
                .containsExactlyInAnyOrder("/sitemap.xml", "/robots.txt", "/manifest.webmanifest", "/icon",
                        "/blog/[slug]/opengraph-image", "/products/sitemap/[__metadata_id__]");
        RouteModule icon = built.modules().stream().filter(module -> module.entry().pattern().toString().equals("/icon")).findFirst()
                .orElseThrow();
        assertThat(icon.metadata().toJson()).containsEntry("kind", "icon").containsEntry("contentType", "image/png")
                .containsEntry("size", java.util.Map.of("width", 32, "height", 16));
        assertThat(built.routes().table().match("/favicon.ico")).isNotNull();
        assertThat(built.routes().table().match("/products/sitemap/0.xml").params().get("__metadata_id__")).isEqualTo("0.xml");
    }
}
