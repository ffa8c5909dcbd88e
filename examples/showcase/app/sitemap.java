// Metadata route /sitemap.xml (not served yet: a later issue). Same shape as Next's MetadataRoute.Sitemap;
// lastModified is the ISO string Next prints for its Date.
import java.util.*;

class Sitemap {
    static List<Map<String, Object>> sitemap() {
        return List.of(
                entry("https://example.com", "2024-01-01T00:00:00.000Z", "yearly", 1),
                entry("https://example.com/about", "2024-01-02T00:00:00.000Z", "monthly", 0.8));
    }

    private static Map<String, Object> entry(String url, String lastModified, String changeFrequency, Number priority) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("url", url);
        entry.put("lastModified", lastModified);
        entry.put("changeFrequency", changeFrequency);
        entry.put("priority", priority);
        return entry;
    }
}
