package dev.approute.internal.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.approute.MetadataRoute.Robots;
import dev.approute.MetadataRoute.Robots.Rule;

class RobotsTxtTest {
    @Test
    void theOraclesRobotsIsWrittenAsNextWritesIt() {
        String text = RobotsTxt.render(Robots.of(Rule.forAllAgents().allow("/").disallow("/private/"))
                .sitemap("https://example.com/sitemap.xml"));
        // the body of the robots-get probe in next-golden.json
        assertThat(text).isEqualTo("User-Agent: *\nAllow: /\nDisallow: /private/\n\nSitemap: https://example.com/sitemap.xml\n");
    }

    @Test
    void severalRulesAgentsDirectivesHostAndSitemaps() {
        String text = RobotsTxt.render(Robots.of(
                        Rule.forAgents("Googlebot", "Applebot").allow("/").disallow("/a", "/b").crawlDelay(2.5)
                                .directive("Request-rate", "1/5").directive("Request-rate", "2/10"),
                        Rule.forAgents("BadBot").disallow("/").crawlDelay(0))
                .host("acme.com").sitemap("https://acme.com/1.xml", "https://acme.com/2.xml"));
        assertThat(text).isEqualTo("""
                User-Agent: Googlebot
                User-Agent: Applebot
                Allow: /
                Disallow: /a
                Disallow: /b
                Crawl-delay: 2.5
                Request-rate: 1/5
                Request-rate: 2/10

                User-Agent: BadBot
                Disallow: /

                Host: acme.com
                Sitemap: https://acme.com/1.xml
                Sitemap: https://acme.com/2.xml
                """);
    }

    @Test
    void noRulesIsJustTheSitemap() {
        assertThat(RobotsTxt.render(Robots.of().sitemap("https://acme.com/s.xml"))).isEqualTo("Sitemap: https://acme.com/s.xml\n");
    }

    @Test
    void aLineBreakCannotForgeAnotherDirective() {
        assertThatThrownBy(() -> RobotsTxt.render(Robots.of(Rule.forAllAgents().allow("/\nDisallow: /"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
    }
}
