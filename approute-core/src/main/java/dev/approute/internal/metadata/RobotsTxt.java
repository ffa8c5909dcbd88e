package dev.approute.internal.metadata;

import java.util.List;
import java.util.Map;

import dev.approute.MetadataRoute.Robots;
import dev.approute.internal.util.JsNumbers;

/**
 * robots.txt as Next.js's {@code resolveRobots} writes it: per rule its {@code User-Agent} lines ({@code *} when none),
 * {@code Allow}, {@code Disallow}, {@code Crawl-delay} (omitted when 0), other directives, then a blank line; then
 * {@code Host} and the {@code Sitemap} lines.
 *
 * <pre>{@code
 * RobotsTxt.render(Robots.of(Rule.forAllAgents().allow("/")).sitemap("https://acme.com/sitemap.xml"));
 * // "User-Agent: *\nAllow: /\n\nSitemap: https://acme.com/sitemap.xml\n"
 * }</pre>
 */
public final class RobotsTxt {
    private RobotsTxt() {
    }

    /** @throws IllegalArgumentException when a value has a line break (it would forge another directive) */
    public static String render(Robots robots) {
        StringBuilder text = new StringBuilder(256);
        for (Robots.Rule rule : robots.rules()) {
            lines(text, "User-Agent", rule.userAgents().isEmpty() ? List.of("*") : rule.userAgents());
            lines(text, "Allow", rule.allow());
            lines(text, "Disallow", rule.disallow());
            if (rule.crawlDelay() != null && rule.crawlDelay() != 0.0) {
                line(text, "Crawl-delay", JsNumbers.format(rule.crawlDelay()));
            }
            for (Map.Entry<String, List<String>> directive : rule.directives().entrySet()) {
                lines(text, directive.getKey(), directive.getValue());
            }
            text.append('\n');
        }
        if (robots.host() != null && !robots.host().isEmpty()) {
            line(text, "Host", robots.host());
        }
        lines(text, "Sitemap", robots.sitemaps());
        return text.toString();
    }

    private static void lines(StringBuilder text, String name, List<String> values) {
        values.forEach(value -> line(text, name, value));
    }

    private static void line(StringBuilder text, String name, String value) {
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a robots.txt line cannot contain a line break: " + name + ": "
                    + value.replace("\n", "\\n").replace("\r", "\\r"));
        }
        text.append(name).append(": ").append(value).append('\n');
    }
}
