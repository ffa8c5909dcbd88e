package dev.approute.internal.compile;

import java.nio.file.Path;

import javax.tools.SimpleJavaFileObject;

/**
 * A {@code .java} file of a route folder as javac sees it: the real file's URI (so diagnostics name the real file
 * and line) over the text with a synthetic package and the implicit imports prepended to its first line:
 * <pre>{@code
 * package approute.routes.api.items._slug_; import java.util.*; import dev.approute.*;
 * class Route { ...                                                                   ^ the user's line 1
 * }</pre>
 * A {@code package} declaration of the user's own is blanked out (keeping the line count), and reported.
 */
final class RouteSource extends SimpleJavaFileObject {
    private final Path file;
    private final String packageName;
    private final boolean routeFile;
    private final String text;

    RouteSource(Path file, String packageName, boolean routeFile, String userText) {
        super(file.toUri(), Kind.SOURCE);
        this.file = file;
        this.packageName = packageName;
        this.routeFile = routeFile;
        this.text = prefix(packageName) + userText;
    }

    /** What is prepended to line 1: no newline, so every line number stays the user's. */
    static String prefix(String packageName) {
        return "package " + packageName + "; import java.util.*; import dev.approute.*; ";
    }

    Path file() {
        return file;
    }

    String packageName() {
        return packageName;
    }

    boolean routeFile() {
        return routeFile;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
    }

    /** Where a {@code package x.y;} declaration starts and ends (exclusive, after the {@code ;}), or null. */
    static int[] findPackageDeclaration(String text) {
        int i = skipTrivia(text, 0);
        // package annotations are only legal in package-info.java; javac reports those itself
        if (text.startsWith("package", i) && i + 7 < text.length() && !Character.isJavaIdentifierPart(text.charAt(i + 7))) {
            int end = text.indexOf(';', i);
            return new int[] {i, end < 0 ? text.length() : end + 1};
        }
        return null;
    }

    /** {@code text} with {@code [start, end)} replaced by spaces, newlines kept. */
    static String blank(String text, int start, int end) {
        StringBuilder out = new StringBuilder(text);
        for (int i = start; i < end; i++) {
            if (out.charAt(i) != '\n' && out.charAt(i) != '\r') {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int skipTrivia(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }
}
