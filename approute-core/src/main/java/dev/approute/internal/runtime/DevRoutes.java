package dev.approute.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problems;
import dev.approute.internal.compile.AppCompiler;
import dev.approute.internal.config.AppConfigLoader;
import dev.approute.internal.router.AppEntry;
import dev.approute.internal.router.EntryKind;

/**
 * The routes {@code dev} serves, rebuilt as soon as a file under {@code app/} or {@code src/}, approute.json or middleware.java changes (the JDK's
 * WatchService, on a background thread), so the next request finds new code; a request that arrives while a rebuild
 * runs waits for it, and a request also drains changes the watcher thread has not picked up yet.
 * An edit to the {@code .java} files of existing route folders recompiles just those folders; anything else
 * (src/, a new or deleted route, a page, a folder) rebuilds the app. A failed build is served as an error page
 * listing every problem, and printed to the terminal.
 */
public final class DevRoutes implements Supplier<AppRoutes>, AutoCloseable {
    private final AppLayout layout;
    private final Consumer<String> out;
    private final WatchService watcher;
    private boolean closed;
    private final AppAssembler assembler;
    private AppAssembler.Built built;
    private AppRoutes current;

    public DevRoutes(AppLayout layout, Consumer<String> out) {
        this.layout = layout;
        this.out = out;
        this.assembler = new AppAssembler(layout);
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            registerTree(layout.appDir());
            registerTree(layout.srcDir());
            // The root itself (not its tree) for approute.json and middleware.java; other entries there are ignored (see collect).
            layout.root().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + layout.root() + " for changes: " + e.getMessage(), e);
        }
        this.current = rebuildAll();
        Thread.ofPlatform().daemon().name("approute-dev-watcher").start(this::watch);
    }

    @Override
    public synchronized AppRoutes get() {
        apply(drainChanges());
        return current;
    }

    private void watch() {
        try {
            while (true) {
                WatchKey first = watcher.take();
                Set<Path> changed = new LinkedHashSet<>();
                collect(first, changed);
                // An editor's save is several events: gather what follows within a few milliseconds.
                WatchKey next;
                while ((next = watcher.poll(15, TimeUnit.MILLISECONDS)) != null) {
                    collect(next, changed);
                }
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    apply(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // dev is shutting down
        }
    }

    private void apply(Set<Path> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<AppEntry> routes = built == null || current.broken() ? null : changedRouteFolders(changed);
        current = routes == null ? rebuildAll() : recompile(routes);
    }

    private AppRoutes rebuildAll() {
        long start = System.nanoTime();
        try {
            built = assembler.compileAndLoad();
            out.accept("✓ compiled " + built.modules().size() + " routes in " + (System.nanoTime() - start) / 1_000_000 + "ms");
            return built.routes();
        } catch (Problems problems) {
            return failed(problems);
        }
    }

    private AppRoutes recompile(List<AppEntry> routes) {
        long start = System.nanoTime();
        try {
            built = assembler.recompile(built, routes);
            out.accept("✓ recompiled " + routes.stream().map(entry -> layout.relative(entry.folder()).toString()).toList()
                    + " in " + (System.nanoTime() - start) / 1_000_000 + "ms");
            return built.routes();
        } catch (Problems problems) {
            return failed(problems);
        }
    }

    private AppRoutes failed(Problems problems) {
        out.accept("⨯ the app does not compile:\n\n" + problems.report());
        return new AppRoutes(null, problems.problems());
    }

    /** The route entries whose folders hold every changed path, or null when a full rebuild is needed. */
    private List<AppEntry> changedRouteFolders(Set<Path> changed) {
        List<AppEntry> routes = new ArrayList<>();
        for (Path path : changed) {
            boolean java = path.toString().endsWith(".java");
            if (!java && !Files.exists(path)) {
                continue; // an editor's or sed's temporary file, already gone
            }
            if (!java || !Files.isRegularFile(path) || !path.startsWith(layout.appDir())) {
                return null;
            }
            AppEntry owner = built.entries().stream()
                    .filter(entry -> entry.kind() == EntryKind.ROUTE && entry.folder().equals(path.getParent()))
                    .findFirst().orElse(null);
            if (owner == null) {
                return null; // a new route, or a .java file outside any route folder
            }
            if (built.entries().stream().anyMatch(entry -> entry.kind() == EntryKind.METADATA
                    && entry.folder().equals(owner.folder()) && AppCompiler.isCompiled(entry))) {
                return null; // the folder also holds sitemap.java, icon.java...: they are rebuilt with it
            }
            if (!routes.contains(owner)) {
                routes.add(owner);
            }
        }
        return routes.isEmpty() ? null : routes;
    }

    private Set<Path> drainChanges() {
        Set<Path> changed = new LinkedHashSet<>();
        WatchKey key;
        while ((key = watcher.poll()) != null) {
            collect(key, changed);
        }
        return changed;
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        for (var event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || !(event.context() instanceof Path name)) {
                changed.add(layout.root()); // lost events: forces a full rebuild
                continue;
            }
            Path path = dir.resolve(name).toAbsolutePath().normalize();
            if (dir.equals(layout.root()) && !name.toString().equals(AppConfigLoader.FILE_NAME)
                    && !path.equals(layout.middlewareFile())) {
                continue; // .approute/ output, app/ and src/ themselves (watched on their own), other files
            }
            changed.add(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                registerQuietly(path);
            }
        }
        key.reset();
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    private void registerQuietly(Path dir) {
        try {
            registerTree(dir);
        } catch (IOException e) {
            out.accept("⚠ cannot watch " + layout.relative(dir) + ": " + e.getMessage());
        }
    }

    // Synchronized: waits for a compile in progress, so nothing writes to .approute/ after close returns.
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        watcher.close();
    }
}
