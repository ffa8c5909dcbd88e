package dev.approute.internal.router;

import java.util.Set;

/**
 * Which file names under {@code app/} are metadata routes, and the last URL segment each serves
 * (Next.js's {@code is-metadata-route.ts}, with {@code .java} as the only dynamic extension).
 * No numbered-suffix hashing for groups: approute serves {@code app/(marketing)/icon.png} at {@code /icon.png}.
 */
final class MetadataFiles {
    private static final Set<String> ICON_EXT = Set.of("ico", "jpg", "jpeg", "png", "svg");
    private static final Set<String> APPLE_ICON_EXT = Set.of("jpg", "jpeg", "png");
    private static final Set<String> SOCIAL_IMAGE_EXT = Set.of("jpg", "jpeg", "png", "gif");

    private MetadataFiles() {
    }

    /** {@code sitemap.java} gives {@code sitemap.xml}; {@code icon.png} gives itself; a non-metadata file gives null. */
    static String urlName(String fileName, boolean atRoot) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String base = fileName.substring(0, dot);
        String ext = fileName.substring(dot + 1);
        if (ext.equals("java")) {
            if (base.equals("sitemap")) {
                return "sitemap.xml";
            }
            if (atRoot && base.equals("robots")) {
                return "robots.txt";
            }
            if (atRoot && base.equals("manifest")) {
                return "manifest.webmanifest";
            }
            return isImage(base, "icon") || isImage(base, "apple-icon") || isImage(base, "opengraph-image")
                    || isImage(base, "twitter-image") ? base : null;
        }
        if (fileName.equals("sitemap.xml")) {
            return fileName;
        }
        if (atRoot && (fileName.equals("robots.txt") || fileName.equals("manifest.webmanifest")
                || fileName.equals("manifest.json") || fileName.equals("favicon.ico"))) {
            return fileName;
        }
        boolean image = (isImage(base, "icon") && ICON_EXT.contains(ext))
                || (isImage(base, "apple-icon") && APPLE_ICON_EXT.contains(ext))
                || ((isImage(base, "opengraph-image") || isImage(base, "twitter-image")) && SOCIAL_IMAGE_EXT.contains(ext));
        return image ? fileName : null;
    }

    // icon, icon1, icon23: Next allows a numeric suffix to offer several sizes.
    private static boolean isImage(String base, String name) {
        if (!base.startsWith(name)) {
            return false;
        }
        for (int i = name.length(); i < base.length(); i++) {
            if (base.charAt(i) < '0' || base.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
