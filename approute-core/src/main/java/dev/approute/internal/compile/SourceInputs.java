package dev.approute.internal.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.approute.internal.app.AppLayout;

/**
 * The sources a build depends on: {@code middleware.java} and every {@code .java} file under {@code app/} and
 * {@code src/}, with its size and
 * modification time, so that {@code start} need not read and hash a file whose size and time are those recorded
 * (the way git's index and make decide).
 *
 * <pre>{@code
 * Map<String, SourceInputs.Input> now = SourceInputs.list(layout);   // "app/api/hello/route.java" -> input
 * String hash = SourceInputs.sha256(now.get("app/api/hello/route.java").file());
 * }</pre>
 */
final class SourceInputs {
    /** @param path relative to the app root, with forward slashes */
    record Input(String path, Path file, long size, long modifiedNanos) {
        /** What the manifest records to recognize the file unchanged without reading it. */
        String stat() {
            return size + ":" + modifiedNanos;
        }
    }

    private SourceInputs() {
    }

    static Map<String, Input> list(AppLayout layout) {
        Map<String, Input> inputs = new TreeMap<>();
        try {
            add(inputs, layout, layout.middlewareFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + layout.middlewareFile() + ": " + e.getMessage(), e);
        }
        for (Path dir : List.of(layout.appDir(), layout.srcDir())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(path -> path.toString().endsWith(".java")).toList()) {
                    add(inputs, layout, file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
        return inputs;
    }

    private static void add(Map<String, Input> inputs, AppLayout layout, Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isRegularFile()) {
            String path = layout.relative(file).toString().replace('\\', '/');
            inputs.put(path, new Input(path, file, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
