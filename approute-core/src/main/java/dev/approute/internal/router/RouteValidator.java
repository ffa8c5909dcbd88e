package dev.approute.internal.router;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every conflict in a scanned app at once, each naming both files and the fix: two entries at one URL
 * (through groups too), slug names that differ at one level, required and optional catch-alls side by side, a route
 * as specific as an optional catch-all, a catch-all that is not last, repeated slug names, patterns equal up to
 * param names. Several of these pass {@code next build} and crash {@code next start}; approute rejects them all here.
 *
 * <pre>{@code
 * List<Problem> problems = RouteValidator.validate(AppScanner.scan(layout).entries(), layout);
 * // app/x/route.java: Conflicting route and page at /x: route at /x/route and page at /x/page ...
 * //     fix: A URL is served by a route.java or by a page, not both: ...
 * }</pre>
 */
public final class RouteValidator {
    private final AppLayout layout;
    private final List<Problem> problems = new ArrayList<>();

    private RouteValidator(AppLayout layout) {
        this.layout = layout;
    }

    public static List<Problem> validate(List<AppEntry> entries, AppLayout layout) {
        RouteValidator validator = new RouteValidator(layout);
        validator.sameUrl(entries);
        for (AppEntry entry : entries) {
            validator.withinPath(entry);
        }
        Map<String, AppEntry> distinct = new LinkedHashMap<>();
        for (AppEntry entry : entries) {
            distinct.putIfAbsent(entry.pattern().toString(), entry);
        }
        List<AppEntry> unique = List.copyOf(distinct.values());
        Set<String> ambiguousPairs = validator.ambiguous(unique);
        validator.optionalCatchAllSpecificity(unique);
        validator.levels(unique, ambiguousPairs);
        return List.copyOf(validator.problems);
    }

    // Turbopack's app-structure check: entries whose URL patterns are identical, param names included.
    private void sameUrl(List<AppEntry> entries) {
        Map<String, AppEntry> first = new LinkedHashMap<>();
        for (AppEntry entry : entries) {
            AppEntry earlier = first.putIfAbsent(entry.pattern().toString(), entry);
            if (earlier != null) {
                problems.add(sameUrlProblem(entry, earlier));
            }
        }
    }

    private Problem sameUrlProblem(AppEntry later, AppEntry earlier) {
        String url = later.pattern().toString();
        String files = " (" + file(later) + " and " + file(earlier) + ")";
        if (later.kind() == EntryKind.PAGE && earlier.kind() == EntryKind.PAGE) {
            return new Problem(rel(earlier), 0, "You cannot have two parallel pages that resolve to the same path. Please check "
                    + pageFolder(earlier) + " and " + pageFolder(later) + "." + files,
                    "Route groups do not change the URL: keep one page for " + url + " and delete or move the other.", rel(later));
        }
        // Next names the route first, then the page, then metadata; two of a kind: the later one first.
        AppEntry a = later;
        AppEntry b = earlier;
        if (rank(earlier.kind()) < rank(later.kind())) {
            a = earlier;
            b = later;
        }
        String what = a.kind() != b.kind() ? name(a.kind()) + " and " + name(b.kind())
                : a.kind() == EntryKind.METADATA ? "metadata" : name(a.kind()) + "s";
        String fix = switch (a.kind() == b.kind() ? a.kind() : EntryKind.PAGE) {
            case ROUTE -> "Route groups do not change the URL: keep one route.java for " + url + " and delete or move the other.";
            case METADATA -> "Keep one metadata file for " + url + " (a generated sitemap.java or a static file, not both).";
            case PAGE -> b.kind() == EntryKind.METADATA
                    ? "A metadata file already serves " + url + ": delete " + file(a) + " or the metadata file."
                    : "A URL is served by a route.java or by a page, not both: move one of them to another folder.";
        };
        return new Problem(rel(a), 0, "Conflicting " + what + " at " + url + ": " + name(a.kind()) + " at " + a.appPath()
                + " and " + name(b.kind()) + " at " + b.appPath() + files, fix, rel(b));
    }

    private void withinPath(AppEntry entry) {
        List<Segment> segments = entry.pattern().segments();
        String route = entry.pattern().toString();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean catchAll = segment.kind() == SegmentKind.CATCH_ALL || segment.kind() == SegmentKind.OPTIONAL_CATCH_ALL;
            if (catchAll && i < segments.size() - 1) {
                String which = segment.kind() == SegmentKind.CATCH_ALL ? "Catch-all" : "Optional catch-all";
                problems.add(new Problem(rel(entry), 0, which + " must be the last part of the URL in route \"" + route + "\".",
                        "A catch-all " + segment + " takes the rest of the URL: move " + file(entry)
                                + " up into the catch-all folder, or make the folder a single param [" + segment.value() + "]."));
                return;
            }
            if (segment.kind() == SegmentKind.STATIC) {
                continue;
            }
            for (int j = 0; j < i; j++) {
                Segment before = segments.get(j);
                if (before.kind() == SegmentKind.STATIC) {
                    continue;
                }
                if (before.value().equals(segment.value())) {
                    problems.add(new Problem(rel(entry), 0, "You cannot have the same slug name \"" + segment.value()
                            + "\" repeat within a single dynamic path in route \"" + route + "\".",
                            "Each param of a route needs its own name, e.g. rename the second " + segment + "."));
                } else if (RouteSorter.wordChars(before.value()).equals(RouteSorter.wordChars(segment.value()))) {
                    problems.add(new Problem(rel(entry), 0, "You cannot have the slug names \"" + before.value() + "\" and \""
                            + segment.value() + "\" differ only by non-word symbols within a single dynamic path in route \"" + route + "\".",
                            "Give the params clearly different names."));
                }
            }
        }
    }

    // validateAppPaths: patterns equal once param names are replaced by '*' cannot be told apart by any URL.
    private Set<String> ambiguous(List<AppEntry> unique) {
        Map<String, List<AppEntry>> byShape = new LinkedHashMap<>();
        for (AppEntry entry : unique) {
            byShape.computeIfAbsent(shape(entry.pattern().segments(), entry.pattern().segments().size()), k -> new ArrayList<>()).add(entry);
        }
        Set<String> pairs = new HashSet<>();
        byShape.forEach((shape, group) -> {
            if (group.size() < 2) {
                return;
            }
            StringBuilder message = new StringBuilder("Ambiguous app routes detected:\n\nAmbiguous route pattern \"")
                    .append(shape).append("\" matches multiple routes:\n");
            for (AppEntry entry : group) {
                message.append("  - ").append(entry.pattern()).append('\n');
            }
            message.append("\nThese routes cannot be distinguished from each other when matching URLs. Please ensure that dynamic"
                    + " segments have unique patterns or use different static segments.");
            List<String> files = new ArrayList<>();
            for (AppEntry entry : group) {
                files.add(file(entry));
                for (AppEntry other : group) {
                    pairs.add(entry.file() + "\n" + other.file());
                }
            }
            message.append(" (files ").append(String.join(", ", files)).append(")");
            problems.add(new Problem(rel(group.get(0)), 0, message.toString(),
                    "Use the same param name in every folder at one level (e.g. rename " + folderOf(group.get(1)) + " to match "
                            + folderOf(group.get(0)) + "), or put a static folder between them.", rel(group.get(1))));
        });
        return pairs;
    }

    // /docs and /docs/[[...slug]] both match "/docs".
    private void optionalCatchAllSpecificity(List<AppEntry> unique) {
        Map<String, AppEntry> byShape = new LinkedHashMap<>();
        for (AppEntry entry : unique) {
            byShape.putIfAbsent(shape(entry.pattern().segments(), entry.pattern().segments().size()), entry);
        }
        for (AppEntry entry : unique) {
            List<Segment> segments = entry.pattern().segments();
            if (segments.isEmpty() || segments.getLast().kind() != SegmentKind.OPTIONAL_CATCH_ALL) {
                continue;
            }
            String parentShape = shape(segments, segments.size() - 1);
            AppEntry parent = byShape.get(parentShape);
            if (parent == null) {
                continue;
            }
            String catchAllShape = (parentShape.equals("/") ? "" : parentShape) + "/" + segments.getLast();
            problems.add(new Problem(rel(parent), 0, "You cannot define a route with the same specificity as an optional catch-all route (\""
                    + parent.pattern() + "\" and \"" + catchAllShape + "\"). (files " + file(parent) + " and " + file(entry) + ")",
                    "Both match " + parent.pattern() + ": delete " + file(parent) + " and handle the empty case in the catch-all, "
                            + "or make the catch-all required ([..." + segments.getLast().value() + "]).", rel(entry)));
        }
    }

    // The sorter's per-level rules (checked by Next only when `next start` builds its route table).
    private void levels(List<AppEntry> unique, Set<String> ambiguousPairs) {
        Level root = new Level();
        for (AppEntry entry : unique) {
            Level level = root;
            for (Segment segment : entry.pattern().segments()) {
                Level next = level.children.computeIfAbsent(segment.kind() == SegmentKind.STATIC ? "s:" + segment.value()
                        : segment.kind().name(), k -> new Level());
                if (segment.kind() != SegmentKind.STATIC) {
                    AppEntry firstWithName = level.names.computeIfAbsent(segment.kind(), k -> new LinkedHashMap<>())
                            .putIfAbsent(segment.value(), entry);
                    if (firstWithName == null) {
                        differentNames(level.names.get(segment.kind()), segment, entry, ambiguousPairs);
                        bothCatchAlls(level, segment, entry);
                    }
                }
                level = next;
            }
        }
    }

    private void differentNames(Map<String, AppEntry> names, Segment segment, AppEntry entry, Set<String> ambiguousPairs) {
        if (names.size() < 2) {
            return;
        }
        Map.Entry<String, AppEntry> first = names.entrySet().iterator().next();
        if (ambiguousPairs.contains(first.getValue().file() + "\n" + entry.file())) {
            return; // already reported as one ambiguous pattern
        }
        problems.add(new Problem(rel(entry), 0, "You cannot use different slug names for the same dynamic path ('" + first.getKey()
                + "' !== '" + segment.value() + "'). " + first.getValue().pattern() + " and " + entry.pattern()
                + " (files " + file(first.getValue()) + " and " + file(entry) + ")",
                "A level of the URL has one param name: rename the folder " + segment + " to "
                        + new Segment(segment.kind(), first.getKey()) + " (or the other way round).", rel(first.getValue())));
    }

    private void bothCatchAlls(Level level, Segment segment, AppEntry entry) {
        SegmentKind otherKind = segment.kind() == SegmentKind.CATCH_ALL ? SegmentKind.OPTIONAL_CATCH_ALL
                : segment.kind() == SegmentKind.OPTIONAL_CATCH_ALL ? SegmentKind.CATCH_ALL : null;
        Map<String, AppEntry> others = otherKind == null ? null : level.names.get(otherKind);
        if (others == null || others.isEmpty() || level.names.get(segment.kind()).size() > 1) {
            return;
        }
        Map.Entry<String, AppEntry> first = others.entrySet().iterator().next();
        Segment firstSegment = new Segment(otherKind, first.getKey());
        String order = otherKind == SegmentKind.CATCH_ALL ? "a required and optional" : "an optional and required";
        problems.add(new Problem(rel(entry), 0, "You cannot use both " + order + " catch-all route at the same level (\""
                + firstSegment + "\" and \"" + segment + "\"). " + first.getValue().pattern() + " and " + entry.pattern()
                + " both match the URLs below " + RoutePattern.of(entry.pattern().segments().subList(0, entry.pattern().segments().size() - 1))
                + " (files " + file(first.getValue()) + " and " + file(entry) + ")",
                "Keep one: [[..." + segment.value() + "]] also matches the parent URL, [..." + segment.value() + "] needs one segment or more.",
                rel(first.getValue())));
    }

    private static final class Level {
        private final Map<String, Level> children = new LinkedHashMap<>();
        private final Map<SegmentKind, Map<String, AppEntry>> names = new LinkedHashMap<>();
    }

    private static String shape(List<Segment> segments, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Segment segment = segments.get(i);
            out.append('/').append(segment.kind() == SegmentKind.STATIC ? segment.toString() : new Segment(segment.kind(), "*").toString());
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    private static int rank(EntryKind kind) {
        return switch (kind) {
            case ROUTE -> 0;
            case PAGE -> 1;
            case METADATA -> 2;
        };
    }

    private static String name(EntryKind kind) {
        return switch (kind) {
            case ROUTE -> "route";
            case PAGE -> "page";
            case METADATA -> "metadata";
        };
    }

    private static String pageFolder(AppEntry page) {
        String folder = page.appPath().substring(0, page.appPath().lastIndexOf('/'));
        return folder.isEmpty() ? "/" : folder;
    }

    private String folderOf(AppEntry entry) {
        return file(entry).substring(0, file(entry).lastIndexOf('/') + 1);
    }

    private Path rel(AppEntry entry) {
        return layout.relative(entry.file());
    }

    private String file(AppEntry entry) {
        return rel(entry).toString().replace('\\', '/');
    }
}
