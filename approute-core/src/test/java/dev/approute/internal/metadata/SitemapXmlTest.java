package dev.approute.internal.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.approute.MetadataRoute.ChangeFrequency;
import dev.approute.MetadataRoute.SitemapEntry;
import dev.approute.MetadataRoute.Video;

class SitemapXmlTest {
    @Test
    void theOraclesSitemapIsWrittenByteForByteAsNextWritesIt() {
        String xml = SitemapXml.render(List.of(
                SitemapEntry.of("https://example.com").lastModified(Instant.parse("2024-01-01T00:00:00Z"))
                        .changeFrequency(ChangeFrequency.YEARLY).priority(1),
                SitemapEntry.of("https://example.com/about").lastModified(Instant.parse("2024-01-02T00:00:00Z"))
                        .changeFrequency(ChangeFrequency.MONTHLY).priority(0.8)));
        // the body of the sitemap-get probe in next-golden.json (405 bytes)
        assertThat(xml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url>
                <loc>https://example.com</loc>
                <lastmod>2024-01-01T00:00:00.000Z</lastmod>
                <changefreq>yearly</changefreq>
                <priority>1</priority>
                </url>
                <url>
                <loc>https://example.com/about</loc>
                <lastmod>2024-01-02T00:00:00.000Z</lastmod>
                <changefreq>monthly</changefreq>
                <priority>0.8</priority>
                </url>
                </urlset>
                """);
        assertThat(xml).hasSize(405);
    }

    @Test
    void specialCharactersInUrlsAreEscapedForXml() {
        String xml = SitemapXml.render(List.of(SitemapEntry.of("https://acme.com/search?q=a&b=<c>&quote=\"it's\"")
                .alternate("x-default", "https://acme.com/?a=1&b=2").image("https://acme.com/a&b.png")));
        assertThat(xml).contains("<loc>https://acme.com/search?q=a&amp;b=&lt;c&gt;&amp;quote=&quot;it&apos;s&quot;</loc>")
                .contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://acme.com/?a=1&amp;b=2\" />")
                .contains("<image:loc>https://acme.com/a&amp;b.png</image:loc>")
                .doesNotContain("a&b");
    }

    @Test
    void anUnrepresentableControlCharacterIsRefused() {
        assertThatThrownBy(() -> SitemapXml.render(List.of(SitemapEntry.of("https://acme.com/\u0001"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0001");
    }

    @Test
    void alternatesImagesAndVideosAddTheirNamespacesAndElementsInNextsOrder() {
        String xml = SitemapXml.render(List.of(SitemapEntry.of("https://acme.com")
                .alternate("es", "https://acme.com/es").alternate("de", "https://acme.com/de")
                .image("https://acme.com/1.jpg")
                .video(Video.of("Grilling", "https://acme.com/t.jpg", "How to grill").duration(600).familyFriendly(true)
                        .contentLoc("https://acme.com/v.mp4"))
                .lastModified(LocalDate.of(2024, 1, 2)).priority(0)));
        assertThat(xml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" \
                xmlns:video="http://www.google.com/schemas/sitemap-video/1.1" xmlns:xhtml="http://www.w3.org/1999/xhtml">
                <url>
                <loc>https://acme.com</loc>
                <xhtml:link rel="alternate" hreflang="es" href="https://acme.com/es" />
                <xhtml:link rel="alternate" hreflang="de" href="https://acme.com/de" />
                <image:image>
                <image:loc>https://acme.com/1.jpg</image:loc>
                </image:image>
                <video:video>
                <video:title>Grilling</video:title>
                <video:thumbnail_loc>https://acme.com/t.jpg</video:thumbnail_loc>
                <video:description>How to grill</video:description>
                <video:content_loc>https://acme.com/v.mp4</video:content_loc>
                <video:duration>600</video:duration>
                <video:family_friendly>yes</video:family_friendly>
                </video:video>
                <lastmod>2024-01-02</lastmod>
                <priority>0</priority>
                </url>
                </urlset>
                """);
    }

    @Test
    void aVideoBuiltFromAMapIsCheckedAndOrdered() {
        assertThatThrownBy(() -> new Video(Map.of("title", "t"))).hasMessageContaining("thumbnail_loc");
        assertThatThrownBy(() -> new Video(Map.of("title", "t", "thumbnail_loc", "x", "description", "d", "colour", "red")))
                .hasMessageContaining("<video:colour>");
        assertThat(new Video(Map.of("live", "no", "description", "d", "title", "t", "thumbnail_loc", "x")).elements().keySet())
                .containsExactly("title", "thumbnail_loc", "description", "live");
    }

    @Test
    void anEmptySitemapIsAnEmptyUrlset() {
        assertThat(SitemapXml.render(List.of())).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                </urlset>
                """);
    }

    @Test
    void prioritiesArePrintedAsJavaScriptNumbersAndCheckedForRange() {
        assertThat(SitemapXml.render(List.of(SitemapEntry.of("a").priority(0.55)))).contains("<priority>0.55</priority>");
        assertThat(SitemapXml.render(List.of(SitemapEntry.of("a").priority(1.0)))).contains("<priority>1</priority>");
        assertThatThrownBy(() -> SitemapXml.render(List.of(SitemapEntry.of("a").priority(1.5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0.0 and 1.0");
        assertThatThrownBy(() -> SitemapEntry.of("a").priority(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListOfSomethingElseIsAClearError() {
        assertThatThrownBy(() -> SitemapXml.render(List.of("https://acme.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MetadataRoute.SitemapEntry").hasMessageContaining("java.lang.String");
    }
}
