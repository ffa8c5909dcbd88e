package dev.approute.internal.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.json.Json;
import dev.approute.internal.router.AppEntry;
import dev.approute.internal.router.EntryKind;
import dev.approute.internal.router.RoutePattern;

/**
 * {@code .approute/manifest.json}: what {@code build} compiled, so that {@code start} can load it without a compiler
 * and refuse a build older than its sources.
 *
 * <pre>{@code
 * {
 *   "approuteVersion": "0.1.0-SNAPSHOT",
 *   "inputs": { "app/api/items/[slug]/route.java": "sha256…", "src/com/acme/Db.java": "sha256…" },
 *   "inputStats": { "app/api/items/[slug]/route.java": "412:1763723712345678901", ... },      (size:mtime in ns)
 *   "routes": [ { "kind": "route", "pattern": "/api/items/[slug]", "file": "app/api/items/[slug]/route.java",
 *                 "appPath": "/api/items/[slug]/route", "className": "approute.routes.api.items._slug_.Route",
 *                 "packageName": "approute.routes.api.items._slug_", "methods": ["GET"],
 *                 "config": { "dynamic": "force-static", ... } } ],
 *   "middleware": { "file": "middleware.java", "className": "approute.middleware.Middleware" }
 * }
 * }</pre>
 *
 * <pre>{@code
 * BuildManifest.write(layout, result.routes());                 // build
 * List<String> stale = BuildManifest.staleness(layout);         // start: refuse when not empty
 * List<CompiledRoute> routes = BuildManifest.read(layout).routes(layout);
 * }</pre>
 */
public final class BuildManifest {
    /** The approute version recorded in (and required of) a manifest. */
    public static final String VERSION = version();

    // A source modified this close to the manifest's writing may have changed after it was hashed without its size or
    // time showing it (file times advance in clock ticks): it is hashed again rather than trusted.
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * A manifest as read back.
     *
     * @param inputStats size and time of each input as it was hashed ({@link SourceInputs.Input#stat()}); empty in a
     *                   manifest written before they were recorded
     * @param writtenNanos when the manifest was written (its file's modification time)
     */
    public record Manifest(String approuteVersion, Map<String, String> inputs, Map<String, String> inputStats,
                           List<Map<String, Object>> routeRecords, Map<String, Object> middlewareRecord, long writtenNanos) {
        /** The compiled {@code middleware.java}, or null when the app has none. */
        public CompiledMiddleware middleware(AppLayout layout) {
            if (middlewareRecord == null) {
                return null;
            }
            return new CompiledMiddleware(layout.root().resolve((String) middlewareRecord.get("file")).normalize(),
                    (String) middlewareRecord.get("className"), AppCompiler.routeClassesDir(layout), 0);
        }

        /** The routes, as {@link RouteLoader} takes them (classes in {@code .approute/classes/routes}). */
        public List<CompiledRoute> routes(AppLayout layout) {
            List<CompiledRoute> routes = new ArrayList<>();
            for (Map<String, Object> record : routeRecords) {
                Path file = layout.root().resolve((String) record.get("file")).normalize();
                EntryKind kind = "metadata".equals(record.get("kind")) ? EntryKind.METADATA : EntryKind.ROUTE;
                AppEntry entry = new AppEntry(kind, file, (String) record.get("appPath"),
                        RoutePattern.parse((String) record.get("pattern")));
                List<HttpMethod> methods = new ArrayList<>();
                for (Object name : (List<?>) record.getOrDefault("methods", List.of())) {
                    methods.add(HttpMethod.valueOf((String) name));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> config = (Map<String, Object>) record.getOrDefault("config", Map.of());
                SegmentConfigParser.Result parsed = SegmentConfigParser.parse(config);
                routes.add(new CompiledRoute(entry, (String) record.get("className"), (String) record.get("packageName"),
                        methods, parsed.config(), AppCompiler.routeClassesDir(layout)));
            }
            return routes;
        }
    }

    /** {@code start} without a usable build. */
    public static final class StaleBuildException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StaleBuildException(String message) {
            super(message);
        }
    }

    private BuildManifest() {
    }

    /** Writes the manifest for {@code routes}, hashing every input source as it is now. */
    public static void write(AppLayout layout, List<CompiledRoute> routes) {
        write(layout, routes, null);
    }

    /** @param middleware the compiled middleware.java, or null */
    public static void write(AppLayout layout, List<CompiledRoute> routes, CompiledMiddleware middleware) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("approuteVersion", VERSION);
        Map<String, String> hashes = new TreeMap<>();
        Map<String, String> stats = new TreeMap<>();
        SourceInputs.list(layout).forEach((path, input) -> {
            hashes.put(path, SourceInputs.sha256(input.file()));
            stats.put(path, input.stat());
        });
        json.put("inputs", hashes);
        json.put("inputStats", stats);
        List<Map<String, Object>> records = new ArrayList<>();
        for (CompiledRoute route : routes) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("kind", route.entry().kind().name().toLowerCase(java.util.Locale.ROOT));
            record.put("pattern", route.entry().pattern().toString());
            record.put("file", slashes(layout.relative(route.entry().file())));
            record.put("appPath", route.entry().appPath());
            record.put("className", route.className());
            record.put("packageName", route.packageName());
            record.put("methods", route.methods().stream().map(Enum::name).toList());
            record.put("config", SegmentConfigParser.values(route.config()));
            records.add(record);
        }
        json.put("routes", records);
        if (middleware != null) {
            json.put("middleware", Map.of("file", slashes(layout.relative(middleware.file())), "className", middleware.className()));
        }
        try {
            Files.createDirectories(layout.buildDir());
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(layout.manifestFile().toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + layout.manifestFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the manifest.
     *
     * @throws StaleBuildException when there is none or it cannot be read, saying to run {@code build}
     */
    public static Manifest read(AppLayout layout) {
        Path file = layout.manifestFile();
        if (!Files.isRegularFile(file)) {
            throw new StaleBuildException("No build found in " + layout.root() + " (" + slashes(layout.relative(file))
                    + " is missing): run ./approute build " + layout.root());
        }
        try {
            Map<String, Object> json = Json.mapper().readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
            @SuppressWarnings("unchecked")
            Map<String, String> inputs = (Map<String, String>) json.getOrDefault("inputs", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, String> stats = (Map<String, String>) json.getOrDefault("inputStats", Map.of());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> routes = (List<Map<String, Object>>) json.getOrDefault("routes", List.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> middleware = (Map<String, Object>) json.get("middleware");
            return new Manifest(String.valueOf(json.get("approuteVersion")), inputs, stats, routes, middleware,
                    Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS));
        } catch (IOException | ClassCastException e) {
            throw new StaleBuildException(slashes(layout.relative(file)) + " cannot be read (" + e.getMessage()
                    + "): run ./approute build " + layout.root());
        }
    }

    /**
     * Why the build is not usable, one line per reason; empty when it is fresh.
     * e.g. {@code app/api/items/route.java changed since the last build: run ./approute build my-app}
     */
    public static List<String> staleness(AppLayout layout) {
        Manifest manifest;
        try {
            manifest = read(layout);
        } catch (StaleBuildException e) {
            return List.of(e.getMessage());
        }
        return staleness(layout, manifest);
    }

    /** {@link #staleness(AppLayout)} of a manifest already read. */
    public static List<String> staleness(AppLayout layout, Manifest manifest) {
        String rebuild = ": run ./approute build " + layout.root();
        List<String> reasons = new ArrayList<>();
        if (!VERSION.equals(manifest.approuteVersion())) {
            reasons.add("the build was made by approute " + manifest.approuteVersion() + ", this is " + VERSION + rebuild);
        }
        Map<String, SourceInputs.Input> now = SourceInputs.list(layout);
        long trustedBefore = manifest.writtenNanos() - RACY_NANOS;
        manifest.inputs().forEach((file, hash) -> {
            SourceInputs.Input current = now.get(file);
            if (current == null) {
                reasons.add(file + " was deleted since the last build" + rebuild);
            } else if (!unchanged(current, hash, manifest.inputStats().get(file), trustedBefore)) {
                reasons.add(file + " changed since the last build" + rebuild);
            }
        });
        now.keySet().stream().filter(file -> !manifest.inputs().containsKey(file))
                .forEach(file -> reasons.add(file + " was added since the last build" + rebuild));
        if (!Files.isDirectory(AppCompiler.routeClassesDir(layout)) && !manifest.routeRecords().isEmpty()) {
            reasons.add(slashes(layout.relative(AppCompiler.routeClassesDir(layout))) + " is missing" + rebuild);
        }
        return reasons;
    }

    /** Same size and time as when it was hashed, long enough before the manifest was written; else the same hash. */
    private static boolean unchanged(SourceInputs.Input current, String hash, String recordedStat, long trustedBefore) {
        if (current.stat().equals(recordedStat) && current.modifiedNanos() < trustedBefore) {
            return true;
        }
        return hash.equals(SourceInputs.sha256(current.file()));
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String version() {
        String version = BuildManifest.class.getPackage().getImplementationVersion();
        if (version == null) {
            version = BuildManifest.class.getModule().getDescriptor() != null
                    ? BuildManifest.class.getModule().getDescriptor().rawVersion().orElse(null) : null;
        }
        if (version == null) {
            try (InputStream in = BuildManifest.class.getResourceAsStream("/META-INF/maven/dev.approute/approute-core/pom.properties")) {
                if (in != null) {
                    java.util.Properties properties = new java.util.Properties();
                    properties.load(in);
                    version = properties.getProperty("version");
                }
            } catch (IOException e) {
                // unknown
            }
        }
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
