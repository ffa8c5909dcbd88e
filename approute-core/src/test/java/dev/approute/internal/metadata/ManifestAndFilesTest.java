package dev.approute.internal.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.approute.MetadataRoute;

class ManifestAndFilesTest {
    @Test
    void aManifestIsCompactJsonWithItsMembersInTheOrderTheyWereSet() {
        Map<String, String> shortcut = new LinkedHashMap<>();
        shortcut.put("name", "Today");
        shortcut.put("url", "/today");
        MetadataRoute.Manifest manifest = MetadataRoute.Manifest.create()
                .name("Next.js App").shortName("Next.js App").description("Next.js App").startUrl("/").display("standalone")
                .backgroundColor("#fff").themeColor("#fff")
                .icon(MetadataRoute.Icon.of("/favicon.ico").sizes("any").type("image/x-icon"))
                .icon(MetadataRoute.Icon.of("/icon-512.png").sizes("512x512").purpose("maskable"))
                .member("shortcuts", List.of(shortcut))
                .name("Renamed");
        // Next's docs example, JSON.stringify'd; a member set again keeps its place
        assertThat(ManifestJson.render(manifest)).isEqualTo("{\"name\":\"Renamed\",\"short_name\":\"Next.js App\","
                + "\"description\":\"Next.js App\",\"start_url\":\"/\",\"display\":\"standalone\",\"background_color\":\"#fff\","
                + "\"theme_color\":\"#fff\",\"icons\":[{\"src\":\"/favicon.ico\",\"sizes\":\"any\",\"type\":\"image/x-icon\"},"
                + "{\"src\":\"/icon-512.png\",\"sizes\":\"512x512\",\"purpose\":\"maskable\"}],"
                + "\"shortcuts\":[{\"name\":\"Today\",\"url\":\"/today\"}]}");
    }

    @Test
    void staticFilesGetNextsContentTypes() {
        assertThat(StaticMetadataFiles.contentType("favicon.ico")).isEqualTo("image/x-icon");
        assertThat(StaticMetadataFiles.contentType("robots.txt")).isEqualTo("text/plain");
        assertThat(StaticMetadataFiles.contentType("sitemap.xml")).isEqualTo("application/xml");
        assertThat(StaticMetadataFiles.contentType("manifest.json")).isEqualTo("application/manifest+json");
        assertThat(StaticMetadataFiles.contentType("manifest.webmanifest")).isEqualTo("application/manifest+json");
        assertThat(StaticMetadataFiles.contentType("icon1.png")).isEqualTo("image/png");
        assertThat(StaticMetadataFiles.contentType("apple-icon.jpg")).isEqualTo("image/jpeg");
        assertThat(StaticMetadataFiles.contentType("icon.svg")).isEqualTo("image/svg+xml");
        assertThat(StaticMetadataFiles.contentType("icon.ico")).isEqualTo("image/x-icon");
        // Next answers text/plain for a .gif social image; approute says what it is
        assertThat(StaticMetadataFiles.contentType("opengraph-image.gif")).isEqualTo("image/gif");
    }

    @Test
    void socialImagesHaveNextsSizeLimits() {
        long mb = 1024 * 1024;
        assertThat(StaticMetadataFiles.tooLarge("twitter-image.png", 5 * mb)).isNull();
        assertThat(StaticMetadataFiles.tooLarge("twitter-image.png", 5 * mb + 1)).contains("5 MB").contains("twitter-image.png");
        assertThat(StaticMetadataFiles.tooLarge("opengraph-image2.jpg", 6 * mb)).isNull();
        assertThat(StaticMetadataFiles.tooLarge("opengraph-image2.jpg", 9 * mb)).contains("8 MB").contains("9.00 MB");
        assertThat(StaticMetadataFiles.tooLarge("icon.png", 50 * mb)).isNull();
    }

    @Test
    void kindsAreFoundFromFileNamesWithTheirNumericSuffix() {
        assertThat(MetadataKind.of("apple-icon1.java")).isEqualTo(MetadataKind.APPLE_ICON);
        assertThat(MetadataKind.of("opengraph-image.java").methodName()).isEqualTo("image");
        assertThat(MetadataKind.of("twitter-image.java").className()).isEqualTo("TwitterImage");
        assertThat(MetadataKind.of("sitemap.xml")).isEqualTo(MetadataKind.SITEMAP);
        assertThat(MetadataKind.of("route.java")).isNull();
        assertThat(MetadataKind.of("favicon.ico")).isNull();
    }
}
