// Metadata route /robots.txt: the oracle's app/robots.ts (MetadataRoute.Robots).
import dev.approute.MetadataRoute.Robots;

class RobotsTxt {
    static Robots robots() {
        return Robots.of(Robots.Rule.forAllAgents().allow("/").disallow("/private/"))
                .sitemap("https://example.com/sitemap.xml");
    }
}
