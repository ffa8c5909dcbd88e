package dev.approute.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.compile.HttpMethod;
import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.router.AppEntry;
import dev.approute.internal.router.RoutePattern;
import dev.approute.internal.runtime.AppAssembler;
import dev.approute.internal.runtime.Endpoint;
import dev.approute.internal.cache.CachePolicy;

/** The route table `build` prints and `routes` prints or emits as JSON, in match order. */
final class RouteTablePrinter {
    private RouteTablePrinter() {
    }

    /** One row per URL pattern, in the order the router tries them. */
    static List<Map<String, Object>> rows(AppLayout layout, AppAssembler.Built built) {
        Map<RoutePattern, RouteModule> modules = new LinkedHashMap<>();
        built.modules().forEach(module -> modules.put(module.entry().pattern(), module));
        Map<RoutePattern, AppEntry> entries = new LinkedHashMap<>();
        built.entries().forEach(entry -> entries.putIfAbsent(entry.pattern(), entry));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RoutePattern pattern : built.routes().table().patternsInMatchOrder()) {
            RouteModule module = modules.get(pattern);
            AppEntry entry = module != null ? module.entry() : entries.get(pattern);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pattern", pattern.toString());
            row.put("kind", module != null && module.metadata() == null ? "route" : entry.kind().name().toLowerCase());
            row.put("file", layout.relative(entry.file()).toString());
            row.put("dynamic", pattern.isDynamic());
            if (module != null) {
                CachePolicy policy = Endpoint.Route.cachePolicyOf(module);
                row.put("cache", policy == null ? Map.of("cached", false, "reason", whyNotCached(module))
                        : Map.of("cached", true, "policy", policy instanceof CachePolicy.Static ? "static" : "revalidate",
                                "cacheControl", module.metadata() != null ? module.metadata().cacheControl() : policy.cacheControl(),
                                "prerendered", !pattern.isDynamic()));
                row.put("methods", module.handlers().keySet().stream().map(HttpMethod::name).sorted().toList());
                row.put("allow", dev.approute.internal.runtime.MethodTable.allowHeader(module.handlers().keySet()));
                row.put("config", module.config().toJson());
                if (module.metadata() != null) {
                    row.put("metadata", module.metadata().toJson());
                }
                if (!module.warnings().isEmpty()) {
                    row.put("warnings", module.warnings());
                }
            } else {
                row.put("methods", List.of("GET"));
                row.put("allow", "GET, HEAD, OPTIONS");
            }
            rows.add(row);
        }
        return rows;
    }

    private static String whyNotCached(RouteModule module) {
        if (!module.handlers().containsKey(HttpMethod.GET)) {
            return "no GET handler: only GET responses are cached";
        }
        if (module.config().dynamic().equals("force-dynamic")) {
            return "dynamic = \"force-dynamic\"";
        }
        if (module.config().revalidate() != null && module.config().revalidate() == 0) {
            return "revalidate = 0";
        }
        return "route handlers run on every request by default; cache GET with dynamic = \"force-static\" or revalidate = N";
    }

    @SuppressWarnings("unchecked")
    static String table(AppLayout layout, AppAssembler.Built built) {
        List<Map<String, Object>> rows = rows(layout, built);
        int width = Math.max(20, rows.stream().mapToInt(row -> row.get("pattern").toString().length()).max().orElse(0) + 2);
        StringBuilder out = new StringBuilder(String.format("    %-" + width + "s %s%n", "Route (app)", "Methods"));
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            String branch = rows.size() == 1 ? "─" : i == 0 ? "┌" : i == rows.size() - 1 ? "└" : "├";
            Map<String, Object> cache = (Map<String, Object>) row.get("cache");
            boolean cached = cache != null && Boolean.TRUE.equals(cache.get("cached"));
            // no cache entry at all: a page or a static metadata file, served from its bytes
            String symbol = cache == null || (cached && Boolean.TRUE.equals(cache.get("prerendered"))) ? "○"
                    : cached ? "●" : "ƒ";
            String methods = String.join(" ", (List<String>) row.get("methods"));
            Map<String, Object> config = (Map<String, Object>) row.get("config");
            String note = config == null ? "" : configNote(config);
            out.append(String.format("%s %s %-" + width + "s %s%s%n", branch, symbol, row.get("pattern"), methods, note));
        }
        out.append("\n○  (Static)   a page or static file, or a cached GET prerendered at build\n");
        out.append("●  (Cached)   a cached GET with params, rendered on first request\n");
        out.append("ƒ  (Dynamic)  the handler runs on every request\n");
        return out.toString();
    }

    private static String configNote(Map<String, Object> config) {
        List<String> notes = new ArrayList<>();
        if (!"auto".equals(config.get("dynamic"))) {
            notes.add("dynamic=" + config.get("dynamic"));
        }
        if (!Boolean.FALSE.equals(config.get("revalidate"))) {
            notes.add("revalidate=" + config.get("revalidate") + "s");
        }
        if (!"nodejs".equals(config.get("runtime"))) {
            notes.add("runtime=" + config.get("runtime"));
        }
        return notes.isEmpty() ? "" : notes.stream().collect(Collectors.joining(", ", "   (", ")"));
    }
}
