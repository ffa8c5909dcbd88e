package dev.approute.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;
import dev.approute.internal.app.Problems;
import dev.approute.internal.compile.AppCompiler;
import dev.approute.internal.compile.BuildManifest;
import dev.approute.internal.compile.CompileResult;
import dev.approute.internal.compile.CompiledMiddleware;
import dev.approute.internal.compile.LoadResult;
import dev.approute.internal.compile.RouteLoader;
import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.config.AppConfig;
import dev.approute.internal.config.AppConfigLoader;
import dev.approute.internal.router.AppEntry;
import dev.approute.internal.router.AppScanner;
import dev.approute.internal.router.EntryKind;
import dev.approute.internal.router.RoutePattern;
import dev.approute.internal.router.RouteTable;
import dev.approute.internal.router.RouteValidator;
import dev.approute.internal.router.ScanResult;

/**
 * The path of a build: read approute.json, scan {@code app/}, validate the route set, compile every route in one javac pass,
 * load and bind the handlers, and assemble the trie the dispatcher serves. Every step collects all of its
 * problems; the first step with problems stops the build and reports them together.
 */
public final class AppAssembler {
    private final AppLayout layout;
    private final AppCompiler compiler;
    private RouteLoader loader;

    public AppAssembler(AppLayout layout) {
        this.layout = layout;
        this.compiler = new AppCompiler(layout);
    }

    /**
     * Compiles (with javax.tools) and loads everything; writes {@code .approute/} including the manifest.
     * Routing problems do not stop the compile: {@code check} and {@code build} report every problem of every
     * kind in one run.
     */
    public Built compileAndLoad() {
        if (!layout.hasAppDir()) {
            throw new Problems(List.of(new Problem(layout.appDir(), 0, "there is no app/ folder here",
                    "create " + layout.relative(layout.appDir()) + "/ with a route, e.g. app/api/hello/route.java")));
        }
        AppConfigLoader.Result config = AppConfigLoader.load(layout);
        ScanResult scan = AppScanner.scan(layout);
        List<AppEntry> entries = scan.entries();
        List<Problem> problems = new ArrayList<>(config.problems());
        problems.addAll(scan.problems());
        problems.addAll(RouteValidator.validate(entries, layout));
        problems.addAll(MetadataEntries.problems(entries, layout));
        List<AppEntry> routes = entries.stream().filter(AppCompiler::isCompiled).toList();
        CompileResult compiled = compiler.compileAll(routes);
        problems.addAll(compiled.problems());
        if (!problems.isEmpty()) {
            throw new Problems(problems);
        }
        loader = new RouteLoader(layout.classesDir());
        LoadResult loaded = loader.load(compiled.routes());
        if (!loaded.problems().isEmpty()) {
            throw new Problems(loaded.problems());
        }
        List<AppEntry> served = servedEntries(entries, loaded.modules());
        MiddlewareStep middleware = loadMiddleware(loader, compiled.middleware());
        BuildManifest.write(layout, compiled.routes(), compiled.middleware());
        return new Built(served, loaded.modules(), AppRoutes.of(table(served, loaded.modules()), rules(config.config(), loaded.modules()),
                middleware));
    }

    /**
     * Dev: recompiles only the given route folders (against the src classes of the last full build) and loads each
     * in a new class loader; every other route keeps its loaded handlers. Call after {@link #compileAndLoad}.
     */
    public Built recompile(Built previous, List<AppEntry> changedRoutes) {
        List<Problem> problems = new ArrayList<>();
        Map<AppEntry, RouteModule> modules = new LinkedHashMap<>();
        previous.modules().forEach(module -> modules.put(module.entry(), module));
        for (AppEntry entry : changedRoutes) {
            CompileResult compiled = compiler.recompile(entry);
            problems.addAll(compiled.problems());
            for (var route : compiled.routes()) {
                try {
                    modules.put(entry, loader.reload(route));
                } catch (RouteLoader.RouteLoadException e) {
                    problems.add(e.problem());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Problems(problems);
        }
        List<RouteModule> updated = List.copyOf(modules.values());
        return new Built(previous.entries(), updated, AppRoutes.of(table(previous.entries(), updated), previous.routes().rules(),
                previous.routes().middleware()));
    }

    /** Loads what {@code build} wrote, without a compiler; refuses a missing or stale build. */
    public Built loadBuilt() {
        if (!java.nio.file.Files.isRegularFile(layout.manifestFile())) {
            throw new Problems(List.of(new Problem(layout.relative(layout.manifestFile()), 0,
                    "there is no build here (no " + layout.relative(layout.manifestFile()) + ")",
                    "run ./approute build " + layout.root() + " first")));
        }
        BuildManifest.Manifest manifest;
        List<String> stale;
        try {
            manifest = BuildManifest.read(layout);
            stale = BuildManifest.staleness(layout, manifest);
        } catch (BuildManifest.StaleBuildException unreadable) {
            manifest = null;
            stale = List.of(unreadable.getMessage());
        }
        if (!stale.isEmpty()) {
            throw new Problems(stale.stream().map(reason -> new Problem(layout.relative(layout.manifestFile()), 0,
                    "the build is stale: " + reason, "run ./approute build " + layout.root())).toList());
        }
        // approute.json is read at start (not frozen into the build): a changed file applies at the next start.
        AppConfigLoader.Result config = AppConfigLoader.load(layout);
        if (!config.valid()) {
            throw new Problems(config.problems());
        }
        RouteLoader builtLoader = new RouteLoader(layout.classesDir());
        LoadResult loaded = builtLoader.load(manifest.routes(layout));
        if (!loaded.problems().isEmpty()) {
            throw new Problems(loaded.problems());
        }
        MiddlewareStep middleware = loadMiddleware(builtLoader, manifest.middleware(layout));
        // Pages and static metadata files are served from app/ as they are now; routes come from the build.
        List<AppEntry> entries = servedEntries(AppScanner.scan(layout).entries(), loaded.modules());
        return new Built(entries, loaded.modules(), AppRoutes.of(table(entries, loaded.modules()), rules(config.config(), loaded.modules()),
                middleware));
    }
    /**
     * The entries with the URLs their loaded modules serve; when a module moved (generateSitemaps), the route set is
     * validated again, so a clash at the new URL is reported like any other.
     */
    private List<AppEntry> servedEntries(List<AppEntry> entries, List<RouteModule> modules) {
        List<AppEntry> served = MetadataEntries.withLoadedPatterns(entries, modules);
        if (!served.equals(entries)) {
            List<Problem> problems = RouteValidator.validate(served, layout);
            if (!problems.isEmpty()) {
                throw new Problems(problems);
            }
        }
        return served;
    }

    private MiddlewareStep loadMiddleware(RouteLoader loader, CompiledMiddleware compiled) {
        if (compiled == null) {
            return null;
        }
        try {
            return MiddlewareStep.of(loader.loadMiddleware(compiled));
        } catch (RouteLoader.RouteLoadException e) {
            Problem problem = e.problem();
            throw new Problems(List.of(new Problem(layout.relative(problem.file()), problem.line(), problem.message(), problem.fix())));
        }
    }

    private RouteTable<Endpoint> table(List<AppEntry> entries, List<RouteModule> modules) {
        Map<RoutePattern, Endpoint> endpoints = new LinkedHashMap<>();
        for (RouteModule module : modules) {
            endpoints.put(module.entry().pattern(), Endpoint.Route.of(module));
        }
        for (AppEntry entry : entries) {
            if (entry.kind() == EntryKind.PAGE && entry.file().getFileName().toString().endsWith(".html")) {
                endpoints.put(entry.pattern(), Endpoint.Page.of(entry, read(entry)));
            }
        }
        endpoints.putAll(MetadataEntries.staticFiles(entries));
        return RouteTable.build(endpoints);
    }

    private static byte[] read(AppEntry entry) {
        try {
            return Files.readAllBytes(entry.file());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + entry.file() + ": " + e.getMessage(), e);
        }
    }

    /** The result of a build or a load: what the CLI prints and the dispatcher serves. */
    public record Built(List<AppEntry> entries, List<RouteModule> modules, AppRoutes routes) {
    }

    private static ConfigRules rules(AppConfig config, List<RouteModule> modules) {
        long largest = config.bodySizeLimit();
        for (RouteModule module : modules) {
            if (module.config().bodySizeLimit() != null) {
                largest = Math.max(largest, module.config().bodySizeLimit());
            }
        }
        return new ConfigRules(config, largest);
    }
}
