package dev.approute;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.approute.internal.util.JsNumbers;

/**
 * What metadata routes return (Next.js's {@code MetadataRoute} types). A metadata route is a file in {@code app/}
 * with one static method; approute turns its result into the file the URL serves:
 *
 * <pre>
 * app/sitemap.java    static List&lt;MetadataRoute.SitemapEntry&gt; sitemap()   → /sitemap.xml           (sitemaps.org XML)
 * app/robots.java     static MetadataRoute.Robots robots()                  → /robots.txt
 * app/manifest.java   static MetadataRoute.Manifest manifest()              → /manifest.webmanifest  (Web App Manifest JSON)
 * </pre>
 *
 * <pre>{@code
 * // app/sitemap.java
 * import dev.approute.MetadataRoute.SitemapEntry;
 * import dev.approute.MetadataRoute.ChangeFrequency;
 *
 * class Sitemap {
 *     static List<SitemapEntry> sitemap() {
 *         return List.of(
 *                 SitemapEntry.of("https://acme.com").lastModified(Instant.now())
 *                         .changeFrequency(ChangeFrequency.YEARLY).priority(1),
 *                 SitemapEntry.of("https://acme.com/blog?page=1&sort=new"));   // escaped for XML by approute
 *     }
 * }
 * }</pre>
 *
 * Metadata routes are static by default: rendered once (by {@code build}) and served from the cache, with
 * {@code Cache-Control: public, max-age=0, must-revalidate}. Segment config in the same class changes that, as on a
 * route: {@code static final int revalidate = 3600;} or {@code static final String dynamic = "force-dynamic";}.
 * Images ({@code icon.java}, {@code opengraph-image.java}, ...) are drawn with {@link ImageResponse}.
 */
public final class MetadataRoute {
    private MetadataRoute() {
    }

    /** {@code <changefreq>} of a sitemap entry. */
    public enum ChangeFrequency {
        ALWAYS, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY, NEVER;

        /** The sitemaps.org value: {@code yearly}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One {@code <url>} of a sitemap. Immutable; each {@code with}-style method returns a changed copy. Values are plain
     * text: approute escapes {@code & < > " '} for XML (do not pass {@code &amp;} yourself).
     *
     * <pre>{@code
     * SitemapEntry.of("https://acme.com/about")
     *         .lastModified(LocalDate.of(2024, 1, 2))          // <lastmod>2024-01-02</lastmod>
     *         .changeFrequency(ChangeFrequency.MONTHLY)
     *         .priority(0.8)
     *         .alternate("de", "https://acme.com/de/about")     // <xhtml:link rel="alternate" hreflang="de" .../>
     *         .image("https://acme.com/team.jpg");
     * }</pre>
     *
     * @param lastModified    the {@code <lastmod>} text (W3C datetime), or null
     * @param changeFrequency null for none
     * @param priority        0.0 to 1.0, or null for none
     * @param languages       hreflang to URL, in order ({@code alternates.languages} in Next)
     */
    public record SitemapEntry(String url, String lastModified, ChangeFrequency changeFrequency, Double priority,
                               Map<String, String> languages, List<String> images, List<Video> videos) {
        private static final DateTimeFormatter JS_ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);

        public SitemapEntry {
            Objects.requireNonNull(url, "a sitemap entry needs a url");
            if (priority != null && !(priority >= 0.0 && priority <= 1.0)) {
                throw new IllegalArgumentException("sitemap priority must be between 0.0 and 1.0, got " + priority + " for " + url);
            }
            languages = languages == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(languages));
            images = images == null ? List.of() : List.copyOf(images);
            videos = videos == null ? List.of() : List.copyOf(videos);
        }

        public static SitemapEntry of(String url) {
            return new SitemapEntry(url, null, null, null, null, null, null);
        }

        /** {@code <lastmod>} as JavaScript's {@code toISOString()} writes it: {@code 2024-01-01T00:00:00.000Z}. */
        public SitemapEntry lastModified(Instant instant) {
            return lastModified(JS_ISO.format(instant));
        }

        /** {@code <lastmod>2024-01-02</lastmod>}. */
        public SitemapEntry lastModified(LocalDate date) {
            return lastModified(date.toString());
        }

        /** {@code <lastmod>} as given (a W3C datetime such as {@code 2024-01-02T10:00:00+01:00}). */
        public SitemapEntry lastModified(String w3cDatetime) {
            return new SitemapEntry(url, w3cDatetime, changeFrequency, priority, languages, images, videos);
        }

        public SitemapEntry changeFrequency(ChangeFrequency frequency) {
            return new SitemapEntry(url, lastModified, frequency, priority, languages, images, videos);
        }

        public SitemapEntry priority(double value) {
            return new SitemapEntry(url, lastModified, changeFrequency, value, languages, images, videos);
        }

        /** Adds an alternate language version of this URL. */
        public SitemapEntry alternate(String hreflang, String alternateUrl) {
            Map<String, String> more = new LinkedHashMap<>(languages);
            more.put(Objects.requireNonNull(hreflang, "hreflang"), Objects.requireNonNull(alternateUrl, "alternate url"));
            return new SitemapEntry(url, lastModified, changeFrequency, priority, more, images, videos);
        }

        /** Adds {@code <image:image>} entries (Google's image sitemap extension). */
        public SitemapEntry image(String... imageUrls) {
            return new SitemapEntry(url, lastModified, changeFrequency, priority, languages, plus(images, imageUrls), videos);
        }

        /** Adds {@code <video:video>} entries (Google's video sitemap extension). */
        public SitemapEntry video(Video... more) {
            return new SitemapEntry(url, lastModified, changeFrequency, priority, languages, images, plus(videos, more));
        }
    }

    /**
     * A {@code <video:video>} of a sitemap entry. {@code title}, {@code thumbnailLoc} and {@code description} are
     * required; the others are added with the methods named as Google's tags.
     *
     * <pre>{@code
     * Video.of("Grilling steaks", "https://acme.com/thumbs/1.jpg", "How to grill steaks")
     *         .contentLoc("https://acme.com/video/1.mp4").duration(600).familyFriendly(true);
     * }</pre>
     */
    public record Video(Map<String, String> elements) {
        // Google's element names, in the order Next.js writes them.
        private static final List<String> ORDER = List.of("title", "thumbnail_loc", "description", "content_loc", "player_loc",
                "duration", "view_count", "tag", "rating", "expiration_date", "publication_date", "family_friendly",
                "requires_subscription", "live");

        /**
         * @param elements element name (without {@code video:}) to text; kept in Next's order
         * @throws IllegalArgumentException for an element Google's video sitemap does not have, or a missing required one
         */
        public Video {
            Map<String, String> ordered = new LinkedHashMap<>();
            for (String name : ORDER) {
                String value = elements.get(name);
                if (value != null) {
                    ordered.put(name, value);
                }
            }
            for (String name : elements.keySet()) {
                if (!ORDER.contains(name)) {
                    throw new IllegalArgumentException("a sitemap video has no <video:" + name + ">; known: " + ORDER);
                }
            }
            for (String required : ORDER.subList(0, 3)) {
                if (!ordered.containsKey(required)) {
                    throw new IllegalArgumentException("a sitemap video needs its " + required);
                }
            }
            elements = Collections.unmodifiableMap(ordered);
        }

        public static Video of(String title, String thumbnailLoc, String description) {
            Map<String, String> elements = new LinkedHashMap<>();
            elements.put("title", Objects.requireNonNull(title, "video title"));
            elements.put("thumbnail_loc", Objects.requireNonNull(thumbnailLoc, "video thumbnailLoc"));
            elements.put("description", Objects.requireNonNull(description, "video description"));
            return new Video(elements);
        }

        public Video contentLoc(String url) {
            return with("content_loc", url);
        }

        public Video playerLoc(String url) {
            return with("player_loc", url);
        }

        /** Length in seconds (1 to 28800). */
        public Video duration(int seconds) {
            return with("duration", Integer.toString(seconds));
        }

        public Video viewCount(long views) {
            return with("view_count", Long.toString(views));
        }

        public Video tag(String tag) {
            return with("tag", tag);
        }

        /** 0.0 to 5.0. */
        public Video rating(double rating) {
            return with("rating", JsNumbers.format(rating));
        }

        /** A W3C datetime, e.g. {@code 2025-01-01T00:00:00+00:00}. */
        public Video expirationDate(String w3cDatetime) {
            return with("expiration_date", w3cDatetime);
        }

        public Video publicationDate(String w3cDatetime) {
            return with("publication_date", w3cDatetime);
        }

        public Video familyFriendly(boolean yes) {
            return with("family_friendly", yes ? "yes" : "no");
        }

        public Video requiresSubscription(boolean yes) {
            return with("requires_subscription", yes ? "yes" : "no");
        }

        public Video live(boolean yes) {
            return with("live", yes ? "yes" : "no");
        }

        private Video with(String element, String text) {
            Map<String, String> changed = new LinkedHashMap<>(elements);
            changed.put(element, Objects.requireNonNull(text, element));
            return new Video(changed);
        }
    }

    /**
     * What {@code robots.java} returns: the rules, then the sitemaps and host.
     *
     * <pre>{@code
     * static MetadataRoute.Robots robots() {
     *     return MetadataRoute.Robots.of(Rule.forAllAgents().allow("/").disallow("/private/"))
     *             .sitemap("https://acme.com/sitemap.xml");
     * }
     * // User-Agent: *
     * // Allow: /
     * // Disallow: /private/
     * //
     * // Sitemap: https://acme.com/sitemap.xml
     * }</pre>
     */
    public record Robots(List<Rule> rules, List<String> sitemaps, String host) {
        public Robots {
            rules = List.copyOf(rules);
            sitemaps = sitemaps == null ? List.of() : List.copyOf(sitemaps);
        }

        public static Robots of(Rule... rules) {
            return new Robots(List.of(rules), List.of(), null);
        }

        /** Adds {@code Sitemap:} lines. */
        public Robots sitemap(String... urls) {
            return new Robots(rules, plus(sitemaps, urls), host);
        }

        /** The {@code Host:} line. */
        public Robots host(String value) {
            return new Robots(rules, sitemaps, value);
        }

        /**
         * One group of robots.txt lines: the user agents it applies to, then Allow, Disallow, Crawl-delay and any other
         * directives.
         *
         * <pre>{@code
         * Rule.forAgents("Googlebot", "Applebot").allow("/").crawlDelay(2).directive("Request-rate", "1/5")
         * }</pre>
         *
         * @param userAgents empty means {@code *}
         * @param crawlDelay seconds, or null
         * @param directives other lines, name to values, in order
         */
        public record Rule(List<String> userAgents, List<String> allow, List<String> disallow, Double crawlDelay,
                           Map<String, List<String>> directives) {
            public Rule {
                userAgents = userAgents == null ? List.of() : List.copyOf(userAgents);
                allow = allow == null ? List.of() : List.copyOf(allow);
                disallow = disallow == null ? List.of() : List.copyOf(disallow);
                directives = directives == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(directives));
            }

            /** {@code User-Agent: *}. */
            public static Rule forAllAgents() {
                return new Rule(List.of(), List.of(), List.of(), null, Map.of());
            }

            public static Rule forAgents(String... userAgents) {
                return new Rule(List.of(userAgents), List.of(), List.of(), null, Map.of());
            }

            public Rule allow(String... paths) {
                return new Rule(userAgents, plus(allow, paths), disallow, crawlDelay, directives);
            }

            public Rule disallow(String... paths) {
                return new Rule(userAgents, allow, plus(disallow, paths), crawlDelay, directives);
            }

            public Rule crawlDelay(double seconds) {
                return new Rule(userAgents, allow, disallow, seconds, directives);
            }

            /** A non-standard line such as {@code Request-rate: 1/5} (Next's {@code rules.other}). */
            public Rule directive(String name, String... values) {
                Map<String, List<String>> more = new LinkedHashMap<>(directives);
                more.put(Objects.requireNonNull(name, "directive name"), plus(directives.getOrDefault(name, List.of()), values));
                return new Rule(userAgents, allow, disallow, crawlDelay, more);
            }
        }
    }

    /**
     * What {@code manifest.java} returns: a Web App Manifest, written as JSON with its members in the order they were
     * set ({@code JSON.stringify} of Next's object). Immutable; each method returns a changed copy.
     *
     * <pre>{@code
     * static MetadataRoute.Manifest manifest() {
     *     return MetadataRoute.Manifest.create()
     *             .name("Acme").shortName("Acme").startUrl("/").display("standalone")
     *             .backgroundColor("#fff").themeColor("#fff")
     *             .icon(MetadataRoute.Icon.of("/favicon.ico").sizes("any").type("image/x-icon"))
     *             .member("prefer_related_applications", false);   // any other member, by its JSON name
     * }
     * // {"name":"Acme","short_name":"Acme","start_url":"/","display":"standalone",...}
     * }</pre>
     */
    public record Manifest(Map<String, Object> members) {
        /** @param members JSON member name to value, in the order they are written */
        public Manifest {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public static Manifest create() {
            return new Manifest(Map.of());
        }

        public Manifest name(String name) {
            return member("name", name);
        }

        public Manifest shortName(String shortName) {
            return member("short_name", shortName);
        }

        public Manifest description(String description) {
            return member("description", description);
        }

        public Manifest id(String id) {
            return member("id", id);
        }

        public Manifest startUrl(String url) {
            return member("start_url", url);
        }

        public Manifest scope(String scope) {
            return member("scope", scope);
        }

        /** {@code fullscreen}, {@code standalone}, {@code minimal-ui} or {@code browser}. */
        public Manifest display(String display) {
            return member("display", display);
        }

        public Manifest orientation(String orientation) {
            return member("orientation", orientation);
        }

        public Manifest backgroundColor(String color) {
            return member("background_color", color);
        }

        public Manifest themeColor(String color) {
            return member("theme_color", color);
        }

        public Manifest lang(String lang) {
            return member("lang", lang);
        }

        public Manifest dir(String dir) {
            return member("dir", dir);
        }

        public Manifest categories(String... categories) {
            return member("categories", List.of(categories));
        }

        /** Appends to {@code icons}. */
        public Manifest icon(Icon icon) {
            List<Object> icons = new ArrayList<>();
            if (members.get("icons") instanceof List<?> existing) {
                icons.addAll(existing);
            }
            icons.add(icon.toMember());
            return member("icons", icons);
        }

        /**
         * Sets any member by its JSON name ({@code screenshots}, {@code shortcuts}, {@code share_target}, ...). The
         * value is written as JSON: String, Number, Boolean, List, Map, or a record.
         */
        public Manifest member(String name, Object value) {
            Map<String, Object> changed = new LinkedHashMap<>(members);
            changed.put(Objects.requireNonNull(name, "member name"), value instanceof List<?> list ? List.copyOf(list) : value);
            return new Manifest(changed);
        }
    }

    /**
     * An entry of a manifest's {@code icons}.
     *
     * @param sizes   e.g. {@code "192x192"} or {@code "any"}, or null
     * @param type    e.g. {@code "image/png"}, or null
     * @param purpose e.g. {@code "maskable"}, or null
     */
    public record Icon(String src, String sizes, String type, String purpose) {
        public Icon {
            Objects.requireNonNull(src, "an icon needs a src");
        }

        public static Icon of(String src) {
            return new Icon(src, null, null, null);
        }

        public Icon sizes(String value) {
            return new Icon(src, value, type, purpose);
        }

        public Icon type(String value) {
            return new Icon(src, sizes, value, purpose);
        }

        public Icon purpose(String value) {
            return new Icon(src, sizes, type, value);
        }

        Map<String, Object> toMember() {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("src", src);
            if (sizes != null) {
                member.put("sizes", sizes);
            }
            if (type != null) {
                member.put("type", type);
            }
            if (purpose != null) {
                member.put("purpose", purpose);
            }
            return Collections.unmodifiableMap(member);
        }
    }

    @SafeVarargs
    private static <T> List<T> plus(List<T> list, T... more) {
        List<T> joined = new ArrayList<>(list);
        for (T item : more) {
            joined.add(Objects.requireNonNull(item, "null in a metadata list"));
        }
        return List.copyOf(joined);
    }
}
