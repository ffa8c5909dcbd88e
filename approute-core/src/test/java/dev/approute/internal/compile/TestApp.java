package dev.approute.internal.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.approute.Params;
import dev.approute.Response;
import dev.approute.RouteContext;
import dev.approute.internal.app.AppLayout;
import dev.approute.internal.router.AppEntry;
import dev.approute.internal.router.EntryKind;
import dev.approute.internal.router.RoutePattern;

/** An app folder written by a test, with the route entries the scanner would hand over. */
final class TestApp {
    final AppLayout layout;
    private final List<AppEntry> entries = new ArrayList<>();

    TestApp(Path root) {
        this.layout = new AppLayout(root);
    }

    /** Writes {@code app/<folder>/route.java} ({@code ""} for the root route). */
    TestApp route(String folder, String source) {
        Path file = write("app/" + (folder.isEmpty() ? "" : folder + "/") + "route.java", source);
        String pattern = "/" + String.join("/", java.util.Arrays.stream(folder.split("/"))
                .filter(part -> !part.isEmpty() && !(part.startsWith("(") && part.endsWith(")"))).toList());
        entries.add(new AppEntry(EntryKind.ROUTE, file, "/" + (folder.isEmpty() ? "" : folder + "/") + "route", RoutePattern.parse(pattern)));
        return this;
    }

    TestApp file(String path, String source) {
        write(path, source);
        return this;
    }

    Path write(String path, String source) {
        Path file = layout.root().resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    List<AppEntry> entries() {
        return List.copyOf(entries);
    }

    AppEntry entry(String folder) {
        Path file = layout.appDir().resolve(folder.isEmpty() ? "route.java" : folder + "/route.java").normalize();
        return entries.stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
    }

    static String body(Object result) throws Exception {
        Object value = result instanceof java.util.concurrent.CompletionStage<?> stage ? stage.toCompletableFuture().get() : result;
        Response response = (Response) value;
        return response.body() instanceof Response.Bytes bytes ? new String(bytes.data(), StandardCharsets.UTF_8) : "";
    }

    static RouteContext params(Map<String, ?> values) {
        return new RouteContext(Params.of(values));
    }
}
