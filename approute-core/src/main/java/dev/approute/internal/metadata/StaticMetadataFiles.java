package dev.approute.internal.metadata;

import java.util.Locale;

/**
 * What a static metadata file in {@code app/} ({@code robots.txt}, {@code favicon.ico}, {@code icon.png},
 * {@code opengraph-image.jpg}, ...) is served with, as Next.js's metadata route loader does: the bytes as they are,
 * its content type, and {@code Cache-Control: public, max-age=0, must-revalidate}.
 *
 * <pre>{@code
 * StaticMetadataFiles.contentType("favicon.ico");          // image/x-icon
 * StaticMetadataFiles.contentType("manifest.json");        // application/manifest+json
 * StaticMetadataFiles.tooLarge("twitter-image.png", 6 << 20);  // "... larger than 5 MB ..."
 * }</pre>
 */
public final class StaticMetadataFiles {
    private static final long MB = 1024 * 1024;

    private StaticMetadataFiles() {
    }

    /**
     * Next's content type for the file; a {@code .gif} is {@code image/gif} (Next serves it as {@code text/plain}).
     */
    public static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        MetadataKind kind = MetadataKind.of(fileName);
        if (fileName.startsWith("favicon.")) {
            return "image/x-icon";
        }
        if (kind != null && kind.isText()) {
            return kind.textContentType();
        }
        return switch (extension) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "ico" -> "image/x-icon";
            case "svg" -> "image/svg+xml";
            case "gif" -> "image/gif";
            default -> "text/plain";
        };
    }

    /**
     * Why the file is too large to be a social image (Open Graph images: 8 MB, Twitter: 5 MB, as Next checks at
     * build), or null when it is fine.
     */
    public static String tooLarge(String fileName, long bytes) {
        MetadataKind kind = MetadataKind.of(fileName);
        long limit = kind == MetadataKind.TWITTER_IMAGE ? 5 : kind == MetadataKind.OPENGRAPH_IMAGE ? 8 : 0;
        if (limit == 0 || bytes <= limit * MB) {
            return null;
        }
        return String.format(Locale.ROOT, "%s is %.2f MB, larger than the %d MB %s allow for %s images", fileName,
                bytes / (double) MB, limit, kind == MetadataKind.TWITTER_IMAGE ? "X (Twitter) cards" : "Open Graph consumers",
                kind == MetadataKind.TWITTER_IMAGE ? "Twitter" : "Open Graph");
    }
}
