package dev.approute.internal.app;

import java.nio.file.Path;

/**
 * A mistake in the user's app, found by check/build/dev/start: where, what, and how to fix it.
 *
 * @param file  the file at fault (relative to the app root when possible)
 * @param line  1-based line, or 0 when unknown
 * @param other a second file involved (the other side of a conflict), or null
 */
public record Problem(Path file, int line, String message, String fix, Path other) {
    public Problem(Path file, int line, String message, String fix) {
        this(file, line, message, fix, null);
    }

    /** {@code app/x/route.java:3: message} then an indented {@code fix:} line. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(file == null ? "<app>" : file.toString().replace('\\', '/'));
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ").append(message);
        if (fix != null && !fix.isEmpty()) {
            out.append("\n    fix: ").append(fix);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
