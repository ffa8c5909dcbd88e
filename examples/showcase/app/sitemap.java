// Metadata route /sitemap.xml: the oracle's app/sitemap.ts (MetadataRoute.Sitemap).
import java.time.Instant;

import dev.approute.MetadataRoute.ChangeFrequency;
import dev.approute.MetadataRoute.SitemapEntry;

class Sitemap {
    static List<SitemapEntry> sitemap() {
        return List.of(
                SitemapEntry.of("https://example.com").lastModified(Instant.parse("2024-01-01T00:00:00Z"))
                        .changeFrequency(ChangeFrequency.YEARLY).priority(1),
                SitemapEntry.of("https://example.com/about").lastModified(Instant.parse("2024-01-02T00:00:00Z"))
                        .changeFrequency(ChangeFrequency.MONTHLY).priority(0.8));
    }
}
