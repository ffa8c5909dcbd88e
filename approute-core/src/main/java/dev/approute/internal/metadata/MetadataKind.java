package dev.approute.internal.metadata;

import java.util.Locale;

/**
 * The kinds of metadata routes, by file name (without its numeric suffix: {@code icon2.java} is an {@link #ICON}), and
 * what a dynamic one ({@code .java}) declares: the method approute calls and what it returns.
 *
 * <pre>{@code
 * MetadataKind.of("apple-icon1.java");   // APPLE_ICON: static Response icon()
 * MetadataKind.of("route.java");         // null
 * }</pre>
 */
public enum MetadataKind {
    SITEMAP("sitemap", "sitemap", "List<MetadataRoute.SitemapEntry>", "application/xml"),
    ROBOTS("robots", "robots", "MetadataRoute.Robots", "text/plain"),
    MANIFEST("manifest", "manifest", "MetadataRoute.Manifest", "application/manifest+json"),
    ICON("icon", "icon", "Response", null),
    APPLE_ICON("apple-icon", "icon", "Response", null),
    OPENGRAPH_IMAGE("opengraph-image", "image", "Response", null),
    TWITTER_IMAGE("twitter-image", "image", "Response", null);

    /** Next's {@code Cache-Control} for every metadata response (text and images, dynamic and static files). */
    public static final String CACHE_CONTROL = "public, max-age=0, must-revalidate";

    private final String baseName;
    private final String methodName;
    private final String returns;
    private final String textContentType;

    MetadataKind(String baseName, String methodName, String returns, String textContentType) {
        this.baseName = baseName;
        this.methodName = methodName;
        this.returns = returns;
        this.textContentType = textContentType;
    }

    /** The kind of a file name such as {@code sitemap.java} or {@code opengraph-image2.png}, or null for none. */
    public static MetadataKind of(String fileName) {
        int dot = fileName.indexOf('.');
        String base = dot < 0 ? fileName : fileName.substring(0, dot);
        int end = base.length();
        while (end > 0 && Character.isDigit(base.charAt(end - 1))) {
            end--;
        }
        String name = base.substring(0, end);
        for (MetadataKind kind : values()) {
            if (kind.baseName.equals(name)) {
                return kind;
            }
        }
        return null;
    }

    /** {@code sitemap}, {@code apple-icon}, ... */
    public String baseName() {
        return baseName;
    }

    /** The static method a {@code .java} file of this kind declares: {@code sitemap}, {@code icon}, {@code image}. */
    public String methodName() {
        return methodName;
    }

    /** The return type of that method, as written in messages. */
    public String returns() {
        return returns;
    }

    /** Sitemap, robots and manifest: approute writes the file; images return their own {@code Response}. */
    public boolean isText() {
        return textContentType != null;
    }

    /** Icons and social images. */
    public boolean isImage() {
        return !isText();
    }

    /** The content type of the text a dynamic sitemap, robots or manifest route writes; null for images. */
    public String textContentType() {
        return textContentType;
    }

    /** {@code opengraph-image} → {@code OpengraphImage}: the class name the examples use. */
    public String className() {
        StringBuilder out = new StringBuilder();
        for (String part : baseName.split("-")) {
            out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return out.toString();
    }
}
