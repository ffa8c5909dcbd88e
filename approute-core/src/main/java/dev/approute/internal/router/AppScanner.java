package dev.approute.internal.router;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Walks {@code app/} and lists what it routes: a folder is a URL segment, {@code route.java} a route,
 * {@code page.html}/{@code page.java} a page, {@code sitemap.java}, {@code icon.png}, ... metadata.
 * {@code (group)} folders add no segment, {@code _private} folders are never routed, {@code %5F} in a folder
 * name is a literal {@code _}. Other {@code .java} files are helpers colocated with their route.
 *
 * <pre>{@code
 * // app/(api)/grouped/route.java, app/items/[slug]/route.java, app/_lib/Db.java
 * ScanResult scan = AppScanner.scan(new AppLayout(Path.of("my-app")));
 * // entries: ROUTE /(api)/grouped/route -> /grouped, ROUTE /items/[slug]/route -> /items/[slug]
 * }</pre>
 *
 * The walk is sorted by name (UTF-16 code units), so entries and problems come out the same on every machine.
 */
public final class AppScanner {
    private final AppLayout layout;
    private final List<AppEntry> entries = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private AppScanner(AppLayout layout) {
        this.layout = layout;
    }

    public static ScanResult scan(AppLayout layout) {
        AppScanner scanner = new AppScanner(layout);
        if (!layout.hasAppDir()) {
            scanner.problems.add(new Problem(layout.relative(layout.appDir()), 0, "There is no app/ folder, so nothing is routed.",
                    "Create app/ and put a route.java in it, e.g. app/api/hello/route.java serves /api/hello."));
        } else {
            scanner.walk(layout.appDir(), "", new ArrayList<>(), true);
        }
        return new ScanResult(scanner.entries, scanner.problems);
    }

    private void walk(Path dir, String appPath, List<Segment> segments, boolean root) {
        for (Path child : sortedChildren(dir)) {
            String name = child.getFileName().toString();
            if (name.startsWith("_")) {
                continue; // private: the folder (or file) and everything below are never routed
            }
            if (Files.isDirectory(child)) {
                folder(child, name, appPath, segments);
            } else {
                file(child, name, appPath, segments, root);
            }
        }
    }

    private void folder(Path dir, String name, String appPath, List<Segment> segments) {
        String route = RoutePattern.of(segments) + (segments.isEmpty() ? "" : "/") + name;
        if (name.startsWith("(.)") || name.startsWith("(..)") || name.startsWith("(...)")) {
            problems.add(new Problem(layout.relative(dir), 0,
                    "Intercepting routes ('" + name + "') are a Next.js page feature that approute does not have; "
                            + "the folder would not be reachable at the URL it names.",
                    "Rename the folder without the " + name.substring(0, name.indexOf(')') + 1)
                            + " marker, or use a route group (name) if it should add no URL segment."));
            return;
        }
        if (name.startsWith("@")) {
            problems.add(new Problem(layout.relative(dir), 0,
                    "Parallel route slots ('" + name + "') are a Next.js page feature that approute does not have.",
                    "Rename the folder without '@' to make it a URL segment, or use a route group (" + name.substring(1) + ")."));
            return;
        }
        if (AppPaths.isGroup(name)) {
            walk(dir, appPath + "/" + name, segments, false);
            return;
        }
        Segment segment;
        String key;
        if (name.indexOf('[') >= 0 || name.indexOf(']') >= 0) {
            try {
                segment = SegmentSyntax.parse(name, route);
            } catch (SegmentSyntax.InvalidSegmentException e) {
                problems.add(new Problem(layout.relative(dir), 0, e.getMessage(), e.fix()));
                return;
            }
            if (!SegmentSyntax.isIdentifier(segment.value())) {
                problems.add(new Problem(layout.relative(dir), 0,
                        "Param name '" + segment.value() + "' in folder '" + name + "' is not a Java identifier.",
                        "Use letters, digits and '_' only, e.g. " + name.replace(segment.value(), toIdentifier(segment.value())) + "."));
            }
            key = name;
        } else {
            // Next replaces every upper-case %5F so a URL segment can start with '_' without being private.
            key = name.replace("%5F", "_");
            segment = new Segment(SegmentKind.STATIC, key);
        }
        List<Segment> deeper = new ArrayList<>(segments);
        deeper.add(segment);
        walk(dir, appPath + "/" + key, deeper, false);
    }

    private void file(Path file, String name, String appPath, List<Segment> segments, boolean root) {
        switch (name) {
            case "route.java" -> add(EntryKind.ROUTE, file, appPath + "/route", segments);
            case "page.html", "page.java" -> add(EntryKind.PAGE, file, appPath + "/page", segments);
            default -> {
                String urlName = MetadataFiles.urlName(name, root);
                if (urlName != null) {
                    List<Segment> withName = new ArrayList<>(segments);
                    withName.add(new Segment(SegmentKind.STATIC, urlName));
                    add(EntryKind.METADATA, file, appPath + "/" + urlName + "/route", withName);
                }
            }
        }
    }

    private void add(EntryKind kind, Path file, String appPath, List<Segment> segments) {
        entries.add(new AppEntry(kind, file, appPath, RoutePattern.of(segments)));
    }

    private static String toIdentifier(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isJavaIdentifierPart(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = out.length() > 0;
            }
        }
        return out.isEmpty() || !Character.isJavaIdentifierStart(out.charAt(0)) ? "param" + out : out.toString();
    }

    private static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted(Comparator.comparing(path -> path.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
