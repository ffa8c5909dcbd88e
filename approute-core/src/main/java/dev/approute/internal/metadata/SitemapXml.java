package dev.approute.internal.metadata;

import java.util.List;
import java.util.Map;

import dev.approute.MetadataRoute.SitemapEntry;
import dev.approute.MetadataRoute.Video;
import dev.approute.internal.util.JsNumbers;

/**
 * A sitemap as Next.js's {@code resolveSitemap} writes it (same elements, order, namespaces and line breaks), with
 * every value XML-escaped (Next writes them raw).
 *
 * <pre>{@code
 * SitemapXml.render(List.of(SitemapEntry.of("https://acme.com").priority(1)));
 * // <?xml version="1.0" encoding="UTF-8"?>
 * // <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
 * // <url>
 * // <loc>https://acme.com</loc>
 * // <priority>1</priority>
 * // </url>
 * // </urlset>
 * }</pre>
 */
public final class SitemapXml {
    private SitemapXml() {
    }

    /**
     * @param entries what {@code sitemap()} returned
     * @throws IllegalArgumentException when an element is not a {@link SitemapEntry} (a raw or unchecked list)
     */
    public static String render(List<?> entries) {
        boolean alternates = false;
        boolean images = false;
        boolean videos = false;
        for (Object item : entries) {
            if (!(item instanceof SitemapEntry entry)) {
                throw new IllegalArgumentException("sitemap() must return a List of MetadataRoute.SitemapEntry, but it holds "
                        + (item == null ? "null" : "a " + item.getClass().getName()));
            }
            alternates |= !entry.languages().isEmpty();
            images |= !entry.images().isEmpty();
            videos |= !entry.videos().isEmpty();
        }
        StringBuilder xml = new StringBuilder(128 + entries.size() * 128);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"");
        if (images) {
            xml.append(" xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\"");
        }
        if (videos) {
            xml.append(" xmlns:video=\"http://www.google.com/schemas/sitemap-video/1.1\"");
        }
        xml.append(alternates ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" : ">\n");
        for (Object item : entries) {
            url(xml, (SitemapEntry) item);
        }
        return xml.append("</urlset>\n").toString();
    }

    private static void url(StringBuilder xml, SitemapEntry entry) {
        xml.append("<url>\n");
        element(xml, "loc", entry.url());
        for (Map.Entry<String, String> language : entry.languages().entrySet()) {
            xml.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(Xml.escape(language.getKey()))
                    .append("\" href=\"").append(Xml.escape(language.getValue())).append("\" />\n");
        }
        for (String image : entry.images()) {
            xml.append("<image:image>\n");
            element(xml, "image:loc", image);
            xml.append("</image:image>\n");
        }
        for (Video video : entry.videos()) {
            // Next joins the video's lines with "\n" and ends the last one with "\n" too
            xml.append("<video:video>\n");
            video.elements().forEach((name, text) -> element(xml, "video:" + name, text));
            xml.append("</video:video>\n");
        }
        if (entry.lastModified() != null) {
            element(xml, "lastmod", entry.lastModified());
        }
        if (entry.changeFrequency() != null) {
            element(xml, "changefreq", entry.changeFrequency().value());
        }
        if (entry.priority() != null) {
            element(xml, "priority", JsNumbers.format(entry.priority()));
        }
        xml.append("</url>\n");
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>').append(Xml.escape(text)).append("</").append(name).append(">\n");
    }
}
