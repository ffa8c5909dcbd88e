// Metadata route /robots.txt (not served yet: a later issue). Same shape as Next's MetadataRoute.Robots.
import java.util.*;

class Robots {
    static Map<String, Object> robots() {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("userAgent", "*");
        rules.put("allow", "/");
        rules.put("disallow", "/private/");
        Map<String, Object> robots = new LinkedHashMap<>();
        robots.put("rules", rules);
        robots.put("sitemap", "https://example.com/sitemap.xml");
        return robots;
    }
}
