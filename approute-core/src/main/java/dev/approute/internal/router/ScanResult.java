package dev.approute.internal.router;

import dev.approute.internal.app.Problem;

import java.util.List;

/**
 * What {@link AppScanner} found under {@code app/}: the routable files, in discovery order, and the malformed folder
 * names it refused. Conflicts between entries are {@link RouteValidator}'s job.
 *
 * <pre>{@code
 * ScanResult scan = AppScanner.scan(layout);
 * scan.problems().forEach(p -> System.err.println(p.format()));
 * }</pre>
 */
public record ScanResult(List<AppEntry> entries, List<Problem> problems) {
    public ScanResult {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
