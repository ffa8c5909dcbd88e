package dev.approute.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;
import dev.approute.internal.compile.AppCompiler;
import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.metadata.MetadataKind;
import dev.approute.internal.metadata.StaticMetadataFiles;
import dev.approute.internal.router.AppEntry;
import dev.approute.internal.router.EntryKind;
import dev.approute.internal.router.RoutePattern;

/**
 * The metadata side of assembling an app: the URLs loaded metadata routes really serve, and the static metadata files
 * ({@code robots.txt}, {@code favicon.ico}, {@code opengraph-image.png}, ...) as endpoints serving their bytes.
 */
final class MetadataEntries {
    private MetadataEntries() {
    }

    /**
     * The scanned entries with the pattern each loaded module serves: a {@code sitemap.java} with
     * {@code generateSitemaps()} serves {@code /sitemap/[__metadata_id__]}, not {@code /sitemap.xml}.
     */
    static List<AppEntry> withLoadedPatterns(List<AppEntry> entries, List<RouteModule> modules) {
        Map<java.nio.file.Path, AppEntry> loaded = new HashMap<>();
        modules.forEach(module -> loaded.put(module.entry().file(), module.entry()));
        List<AppEntry> out = new ArrayList<>(entries.size());
        for (AppEntry entry : entries) {
            out.add(entry.kind() == EntryKind.METADATA ? loaded.getOrDefault(entry.file(), entry) : entry);
        }
        return out;
    }

    /** Static social images over the size Next allows (Open Graph 8 MB, Twitter 5 MB), as build problems. */
    static List<Problem> problems(List<AppEntry> entries, AppLayout layout) {
        List<Problem> problems = new ArrayList<>();
        for (AppEntry entry : staticFileEntries(entries)) {
            String tooLarge;
            try {
                tooLarge = StaticMetadataFiles.tooLarge(entry.file().getFileName().toString(), Files.size(entry.file()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + entry.file() + ": " + e.getMessage(), e);
            }
            if (tooLarge != null) {
                problems.add(new Problem(layout.relative(entry.file()), 0, tooLarge,
                        "make the image smaller (1200x630 is the usual size), or draw it with an opengraph-image.java"));
            }
        }
        return problems;
    }

    /**
     * An endpoint per static metadata file, read now, served with Next's content type and
     * {@code Cache-Control: public, max-age=0, must-revalidate}.
     */
    static Map<RoutePattern, Endpoint> staticFiles(List<AppEntry> entries) {
        Map<RoutePattern, Endpoint> endpoints = new LinkedHashMap<>();
        for (AppEntry entry : staticFileEntries(entries)) {
            byte[] data;
            try {
                data = Files.readAllBytes(entry.file());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + entry.file() + ": " + e.getMessage(), e);
            }
            endpoints.put(entry.pattern(), Endpoint.StaticFile.of(entry, data,
                    StaticMetadataFiles.contentType(entry.file().getFileName().toString()), MetadataKind.CACHE_CONTROL));
        }
        return endpoints;
    }

    private static List<AppEntry> staticFileEntries(List<AppEntry> entries) {
        return entries.stream().filter(entry -> entry.kind() == EntryKind.METADATA && !AppCompiler.isCompiled(entry)).toList();
    }
}
