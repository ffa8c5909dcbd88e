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
import dev.approute.internal.compile.LoadResult;
import dev.approute.internal.compile.RouteLoader;
import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.router.AppEntry;
import dev.approute.internal.router.AppScanner;
import dev.approute.internal.router.EntryKind;
import dev.approute.internal.router.RoutePattern;
import dev.approute.internal.router.RouteTable;
import dev.approute.internal.router.RouteValidator;
import dev.approute.internal.router.ScanResult;

/**
 * The path of a build: scan {@code app/}, validate the route set, compile every route in one javac pass,
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
        ScanResult scan = AppScanner.scan(layout);
        List<AppEntry> entries = scan.entries();
        List<Problem> problems = new ArrayList<>(scan.problems());
        problems.addAll(RouteValidator.validate(entries, layout));
        List<AppEntry> routes = entries.stream().filter(entry -> entry.kind() == EntryKind.ROUTE).toList();
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
        BuildManifest.write(layout, compiled.routes());
        return new Built(entries, loaded.modules(), AppRoutes.of(table(entries, loaded.modules())));
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
        return new Built(previous.entries(), updated, AppRoutes.of(table(previous.entries(), updated)));
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
        LoadResult loaded = new RouteLoader(layout.classesDir()).load(manifest.routes(layout));
        if (!loaded.problems().isEmpty()) {
            throw new Problems(loaded.problems());
        }
        // Pages are static files served from app/; routes come from the build.
        List<AppEntry> entries = AppScanner.scan(layout).entries();
        return new Built(entries, loaded.modules(), AppRoutes.of(table(entries, loaded.modules())));
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
}
