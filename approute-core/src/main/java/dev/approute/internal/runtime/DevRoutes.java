package dev.approute.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problems;

/**
 * The routes {@code dev} serves: rebuilt before the next request whenever a file under {@code app/} or
 * {@code src/} changed (the JDK's WatchService, drained on each request, so a save is never missed).
 * A failed build is served as an error page listing every problem, and printed to the terminal.
 */
public final class DevRoutes implements Supplier<AppRoutes>, AutoCloseable {
    private final AppLayout layout;
    private final Consumer<String> out;
    private final WatchService watcher;
    private AppRoutes current;

    public DevRoutes(AppLayout layout, Consumer<String> out) {
        this.layout = layout;
        this.out = out;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            registerTree(layout.appDir());
            registerTree(layout.srcDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + layout.root() + " for changes: " + e.getMessage(), e);
        }
        this.current = rebuild();
    }

    @Override
    public synchronized AppRoutes get() {
        if (drainChanges()) {
            current = rebuild();
        }
        return current;
    }

    private AppRoutes rebuild() {
        long start = System.nanoTime();
        try {
            AppAssembler.Built built = new AppAssembler(layout).compileAndLoad();
            out.accept("✓ compiled " + built.modules().size() + " routes in " + (System.nanoTime() - start) / 1_000_000 + "ms");
            return built.routes();
        } catch (Problems problems) {
            out.accept("⨯ the app does not compile:\n\n" + problems.report());
            return new AppRoutes(null, problems.problems());
        }
    }

    private boolean drainChanges() {
        boolean changed = false;
        WatchKey key;
        while ((key = watcher.poll()) != null) {
            Path dir = (Path) key.watchable();
            for (var event : key.pollEvents()) {
                changed = true;
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                    Path created = dir.resolve(name);
                    if (Files.isDirectory(created)) {
                        registerQuietly(created);
                    }
                }
            }
            key.reset();
        }
        return changed;
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

    /** For tests and the CLI: the problems of the current build, if any. */
    public synchronized List<?> problems() {
        return current.problems();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
