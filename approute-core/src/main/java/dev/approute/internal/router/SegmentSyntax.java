package dev.approute.internal.router;

/**
 * Reads one bracketed folder name ({@code [id]}, {@code [...slug]}, {@code [[...slug]]}) strictly, with the checks
 * and wording of Next.js's build-time {@code validateAppPaths}, so a user who knows Next's messages recognises ours.
 *
 * <pre>{@code
 * SegmentSyntax.parse("[...slug]", "/docs/[...slug]");   // Segment(CATCH_ALL, "slug")
 * SegmentSyntax.parse("[[slug]]", "/blog/[[slug]]");     // throws: Optional route parameters are not yet supported ...
 * }</pre>
 */
public final class SegmentSyntax {
    private SegmentSyntax() {
    }

    /** A folder name that is not a valid route segment; {@link #fix()} says what to write instead. */
    public static final class InvalidSegmentException extends IllegalArgumentException {
        private final String fix;

        InvalidSegmentException(String message, String fix) {
            super(message);
            this.fix = fix;
        }

        public String fix() {
            return fix;
        }
    }

    /**
     * Parses a folder name that contains a bracket.
     *
     * @param name  the folder name, e.g. {@code [id]}
     * @param route the URL pattern up to this folder, only for the message
     * @throws InvalidSegmentException when the name is malformed
     */
    public static Segment parse(String name, String route) {
        String in = " in route \"" + route + "\".";
        if (!(name.startsWith("[") && name.endsWith("]")) || name.length() < 2) {
            throw new InvalidSegmentException("Folder name '" + name + "' mixes text and a dynamic segment" + in,
                    "A dynamic folder is exactly [name], [...name] or [[...name]]; put the fixed text in its own folder.");
        }
        String inner = name.substring(1, name.length() - 1);
        boolean optional = false;
        if (inner.startsWith("[") && inner.endsWith("]") && inner.length() >= 2) {
            inner = inner.substring(1, inner.length() - 1);
            optional = true;
        }
        if (inner.startsWith("\u2026")) {
            throw new InvalidSegmentException("Detected a three-dot character ('\u2026') in parameter \"" + inner + "\""
                    + " in route \"" + route + "\". Did you mean ('...')?",
                    "Type three periods: rename the folder to [..." + inner.substring(1) + "].");
        }
        boolean catchAll = false;
        if (inner.startsWith("...")) {
            inner = inner.substring(3);
            catchAll = true;
        }
        if (inner.startsWith("[") || inner.endsWith("]")) {
            throw new InvalidSegmentException("Segment names may not start or end with extra brackets ('" + inner + "')" + in,
                    "Use [name], [...name] or [[...name]] with balanced brackets.");
        }
        if (inner.startsWith(".")) {
            throw new InvalidSegmentException("Segment names may not start with erroneous periods ('" + inner + "')" + in,
                    "A catch-all takes exactly three periods: [...name]; a single param takes none: [name].");
        }
        if (inner.isEmpty()) {
            throw new InvalidSegmentException("Parameter names cannot be empty" + in,
                    "Name the param, e.g. [id] or [...slug].");
        }
        if (optional && !catchAll) {
            throw new InvalidSegmentException("Optional route parameters are not yet supported (\"" + name + "\")" + in,
                    "Use an optional catch-all [[..." + inner + "]] or a plain [" + inner + "] plus a route in the parent folder.");
        }
        SegmentKind kind = optional ? SegmentKind.OPTIONAL_CATCH_ALL : catchAll ? SegmentKind.CATCH_ALL : SegmentKind.DYNAMIC;
        return new Segment(kind, inner);
    }

    /** True when {@code name} can be written in Java source without quoting: params are read as {@code params.get("name")}. */
    public static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        for (int i = Character.charCount(name.codePointAt(0)); i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
