package dev.approute.internal.router;

import java.nio.file.Path;

/**
 * A routable file found under {@code app/}.
 *
 * @param file    absolute path of the file
 * @param appPath Next.js-style name used in messages, with groups kept: {@code /(api)/grouped/route}
 * @param pattern the URL pattern it serves: {@code /grouped}
 */
public record AppEntry(EntryKind kind, Path file, String appPath, RoutePattern pattern) {
    /** The folder holding the file (its colocated {@code .java} files compile with it). */
    public Path folder() {
        return file.getParent();
    }
}
