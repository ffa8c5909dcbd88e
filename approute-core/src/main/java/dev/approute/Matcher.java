package dev.approute;

import java.util.ArrayList;
import java.util.List;

import dev.approute.internal.config.SourcePattern;

/**
 * Which requests a middleware runs for (Next.js's {@code config.matcher} entries): a path pattern, and optionally
 * {@link Condition}s the request must meet ({@code has}) or must not meet ({@code missing}). Declared in
 * {@code middleware.java} as {@code static final Matcher matcher} (or {@code Matcher[]}); plain strings
 * ({@code static final String[] matcher = {"/api/:path*"}}) are sources without conditions. Without a
 * {@code matcher}, middleware runs for every path.
 *
 * <pre>{@code
 * static final Matcher[] matcher = {
 *     Matcher.source("/api/:path*").has(Condition.header("authorization")).missing(Condition.cookie("session")),
 *     Matcher.source("/admin/:path*"),
 * };
 * }</pre>
 *
 * <p>A source is Next's path syntax: literals, {@code :name}, {@code :name?}, {@code :name*}, {@code :name+},
 * {@code (.*)}. It matches the path the router matches (after the canonical form and basePath): literals compare
 * case-sensitively with the percent-decoded segment, as route folders do. A mistake throws when the class loads,
 * so {@code build} and {@code dev} report it with {@code middleware.java}.
 */
public final class Matcher {
    private final String source;
    private final List<Condition> has;
    private final List<Condition> missing;

    private Matcher(String source, List<Condition> has, List<Condition> missing) {
        this.source = source;
        this.has = has;
        this.missing = missing;
    }

    /**
     * Requests whose path matches {@code source}, e.g. {@code "/api/:path*"}.
     *
     * @throws IllegalArgumentException for a source approute cannot match (regex groups, parameters inside a segment)
     */
    public static Matcher source(String source) {
        try {
            SourcePattern.compileAsRouter(source);
        } catch (SourcePattern.InvalidPatternException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return new Matcher(source, List.of(), List.of());
    }

    /** Only requests that meet every one of these conditions too. */
    public Matcher has(Condition... conditions) {
        return new Matcher(source, joined(has, conditions), missing);
    }

    /** Only requests that meet none of these conditions. */
    public Matcher missing(Condition... conditions) {
        return new Matcher(source, has, joined(missing, conditions));
    }

    /** The path pattern, as written. */
    public String sourceText() {
        return source;
    }

    public List<Condition> hasConditions() {
        return has;
    }

    public List<Condition> missingConditions() {
        return missing;
    }

    private static List<Condition> joined(List<Condition> existing, Condition[] more) {
        List<Condition> all = new ArrayList<>(existing);
        for (Condition condition : more) {
            all.add(java.util.Objects.requireNonNull(condition, "a matcher condition cannot be null"));
        }
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "Matcher{" + source + (has.isEmpty() ? "" : ", has " + has) + (missing.isEmpty() ? "" : ", missing " + missing) + "}";
    }
}
