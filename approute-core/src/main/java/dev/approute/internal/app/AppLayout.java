package dev.approute.internal.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are in a user's app folder:
 * <pre>
 * my-app/
 *   app/        routes (route.java), pages (page.html), private folders (_lib)
 *   src/        shared code in normal packages, visible to every route
 *   middleware.java  optional: runs before routing (docs/middleware.md)
 *   .approute/  build output: classes/ and manifest.json
 * </pre>
 *
 * @param buildDir where build output goes; {@code .approute/} unless a command (check) wants a scratch folder
 */
public record AppLayout(Path root, Path buildDir) {
    public AppLayout {
        root = root.toAbsolutePath().normalize();
        buildDir = buildDir == null ? root.resolve(".approute") : buildDir.toAbsolutePath().normalize();
    }

    public AppLayout(Path root) {
        this(root, null);
    }

    /** The same app, built into {@code otherBuildDir}. */
    public AppLayout withBuildDir(Path otherBuildDir) {
        return new AppLayout(root, otherBuildDir);
    }

    public Path appDir() {
        return root.resolve("app");
    }

    public Path srcDir() {
        return root.resolve("src");
    }

    /** {@code middleware.java} at the root, beside {@code app/} (it may not exist). */
    public Path middlewareFile() {
        return root.resolve("middleware.java");
    }

    public Path classesDir() {
        return buildDir.resolve("classes");
    }

    public Path manifestFile() {
        return buildDir.resolve("manifest.json");
    }

    /** {@code path} relative to the app root, for messages. */
    public Path relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    }

    public boolean hasAppDir() {
        return Files.isDirectory(appDir());
    }
}
