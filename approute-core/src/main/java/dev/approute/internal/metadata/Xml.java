package dev.approute.internal.metadata;

/** XML text escaping for element content and attribute values. */
final class Xml {
    private Xml() {
    }

    /**
     * {@code & < > " '} as entities. Next.js writes sitemap values unescaped, so a URL with {@code &} makes its
     * sitemap invalid XML; sitemaps.org requires these five escaped.
     *
     * @throws IllegalArgumentException for a control character XML 1.0 cannot hold at all
     */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw new IllegalArgumentException("XML cannot hold the control character U+" + String.format("%04X", (int) c)
                        + " in '" + text.replace(c, '?') + "'");
            }
            if (entity != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (entity != null) {
                    out.append(entity);
                } else {
                    out.append(text.charAt(i));
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
