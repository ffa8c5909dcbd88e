package dev.approute.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.approute.internal.router.RequestSegments;
import dev.approute.internal.util.PercentDecoding.MalformedEncodingException;

/**
 * A Next.js {@code source} path pattern (the path-to-regexp syntax of {@code headers}, {@code redirects},
 * {@code rewrites} and middleware {@code matcher}), compiled once into a matcher over path segments: no regex runs
 * per request.
 *
 * <p>Supported, each as a whole segment: a literal ({@code api}), {@code :name} (one segment), {@code :name?}
 * (zero or one), {@code :name*} (zero or more), {@code :name+} (one or more), and {@code (.*)} or
 * {@code :name(.*)} (zero or more). Other regex groups ({@code :id(\\d+)}, {@code (en|fr)}) and parameters inside
 * a segment ({@code /blog-:slug}) are refused at load with a message saying so.
 *
 * <p>As in Next.js, literals compare case-insensitively and captured values are the raw (still percent-encoded)
 * segments; {@code *} and {@code +} values are the segments joined with {@code /}. Unlike Next's strict regexes, a
 * trailing slash is ignored on both sides, so a source works under {@code trailingSlash: true} as well.
 *
 * <pre>{@code
 * SourcePattern pattern = SourcePattern.compile("/api/:path*");
 * pattern.match("/api/a/b");     // {path=a/b}
 * pattern.match("/api");         // {path=}
 * pattern.match("/other");       // null
 * }</pre>
 *
 * <p>{@link #compileAsRouter} compiles a middleware {@code matcher}: its literals compare as the router compares
 * static route segments ({@link RequestSegments}: percent-decoded, case-sensitive), so that middleware runs for
 * exactly the paths the router serves ({@code /%61dmin} reaches {@code app/admin}, and so does the matcher
 * {@code /admin}; {@code /ADMIN} reaches neither).
 */
public final class SourcePattern {
    private enum Kind { LITERAL, ONE, OPTIONAL, ZERO_OR_MORE, ONE_OR_MORE }

    /** {@code text} is the literal, or the parameter name (null for an unnamed {@code (.*)}). */
    private record Token(Kind kind, String text) {
    }

    /** A source the matcher cannot compile; the message says what is wrong and what is supported. */
    public static final class InvalidPatternException extends Exception {
        InvalidPatternException(String message) {
            super(message, null, false, false);
        }
    }

    private final String source;
    private final Token[] tokens;
    private final List<String> paramNames;
    private final boolean asRouter;

    private SourcePattern(String source, Token[] tokens, List<String> paramNames, boolean asRouter) {
        this.source = source;
        this.tokens = tokens;
        this.paramNames = paramNames;
        this.asRouter = asRouter;
    }

    public static SourcePattern compile(String source) throws InvalidPatternException {
        return compile(source, false);
    }

    /**
     * A middleware matcher: literals (written decoded, or percent-encoded) compare case-sensitively with the
     * percent-decoded request segment, as the router's static segments do.
     */
    public static SourcePattern compileAsRouter(String source) throws InvalidPatternException {
        return compile(source, true);
    }

    private static SourcePattern compile(String source, boolean asRouter) throws InvalidPatternException {
        if (source == null || !source.startsWith("/")) {
            throw new InvalidPatternException("a source must start with `/`, e.g. \"/api/:path*\"");
        }
        List<Token> tokens = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String segment : segments(source)) {
            Token token = token(source, segment);
            if (token.kind() != Kind.LITERAL && token.text() != null) {
                if (names.contains(token.text())) {
                    throw new InvalidPatternException("`" + source + "` uses the parameter `:" + token.text()
                            + "` twice; give each parameter its own name");
                }
                names.add(token.text());
            }
            if (asRouter && token.kind() == Kind.LITERAL) {
                token = new Token(Kind.LITERAL, decodedLiteral(source, token.text()));
            }
            tokens.add(token);
        }
        return new SourcePattern(source, tokens.toArray(Token[]::new), List.copyOf(names), asRouter);
    }

    private static Token token(String source, String segment) throws InvalidPatternException {
        if (segment.equals("(.*)")) {
            return new Token(Kind.ZERO_OR_MORE, null);
        }
        if (segment.startsWith(":")) {
            int end = 1;
            while (end < segment.length() && isNameChar(segment.charAt(end))) {
                end++;
            }
            if (end == 1) {
                throw new InvalidPatternException("`" + source + "` has a `:` without a parameter name in `" + segment
                        + "`; name it like `:slug`");
            }
            String name = segment.substring(1, end);
            String rest = segment.substring(end);
            return switch (rest) {
                case "" -> new Token(Kind.ONE, name);
                case "?" -> new Token(Kind.OPTIONAL, name);
                case "*", "(.*)" -> new Token(Kind.ZERO_OR_MORE, name);
                case "+" -> new Token(Kind.ONE_OR_MORE, name);
                default -> throw new InvalidPatternException(unsupported(source, segment));
            };
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == ':' || c == '(' || c == ')' || c == '*' || c == '+' || c == '?' || c == '{' || c == '}' || c == '\\') {
                throw new InvalidPatternException(unsupported(source, segment));
            }
        }
        return new Token(Kind.LITERAL, segment);
    }

    private static String decodedLiteral(String source, String literal) throws InvalidPatternException {
        try {
            String decoded = RequestSegments.literalForm(literal);
            if (decoded == null) {
                throw new InvalidPatternException("`" + source + "`: the segment `" + literal + "` decodes to text with `/`, "
                        + "which no request segment can match; write each segment between its own slashes");
            }
            return decoded;
        } catch (MalformedEncodingException e) {
            throw new InvalidPatternException("`" + source + "` has a malformed percent-escape: " + e.getMessage());
        }
    }

    private static String unsupported(String source, String segment) {
        return "`" + source + "`: approute does not support `" + segment + "` in a source. A segment is a literal, or "
                + "one of :name, :name?, :name*, :name+, (.*), :name(.*); regex groups such as :id(\\d+) or (en|fr) and "
                + "parameters inside a segment (blog-:slug) are not supported (no regex runs per request): list the "
                + "alternatives as separate rules, or match the value in the route handler";
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Non-empty segments of a path: {@code "/a/b/"} → [a, b]; {@code "/"} → []. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        int start = 1;
        int length = path.length();
        while (start < length) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                out.add(path.substring(start, end));
            }
            start = end + 1;
        }
        return out;
    }

    public String source() {
        return source;
    }

    /** The named parameters, in source order (what a destination or header value may use). */
    public List<String> paramNames() {
        return paramNames;
    }

    /**
     * @param path a canonical request path ({@code /api/a/b}), still percent-encoded
     * @return the captured parameters (absent optional ones as {@code ""}), or null when the path does not match
     * @throws MalformedEncodingException (compiled {@linkplain #compileAsRouter as the router}) when a segment
     *                                    compared with a literal has a bad escape: the router answers such a path 400
     */
    public Map<String, String> match(String path) {
        List<String> segments = segments(path);
        int[] starts = new int[tokens.length];
        int[] ends = new int[tokens.length];
        if (!matchFrom(0, segments, 0, starts, ends)) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < tokens.length; i++) {
            Token token = tokens[i];
            if (token.kind() != Kind.LITERAL && token.text() != null) {
                params.put(token.text(), String.join("/", segments.subList(starts[i], ends[i])));
            }
        }
        return params;
    }

    /** Whether the path matches, without collecting parameters. */
    public boolean matches(String path) {
        List<String> segments = segments(path);
        return matchFrom(0, segments, 0, new int[tokens.length], new int[tokens.length]);
    }

    // Tokens [t..] against segments [s..]; repeats are greedy and give back one segment at a time, as a regex would.
    private boolean matchFrom(int t, List<String> segments, int s, int[] starts, int[] ends) {
        if (t == tokens.length) {
            return s == segments.size();
        }
        Token token = tokens[t];
        int remaining = segments.size() - s;
        starts[t] = s;
        switch (token.kind()) {
            case LITERAL -> {
                ends[t] = s + 1;
                return remaining > 0 && literalMatches(token.text(), segments.get(s)) && matchFrom(t + 1, segments, s + 1, starts, ends);
            }
            case ONE -> {
                ends[t] = s + 1;
                return remaining > 0 && matchFrom(t + 1, segments, s + 1, starts, ends);
            }
            default -> {
                int min = token.kind() == Kind.ONE_OR_MORE ? 1 : 0;
                int max = token.kind() == Kind.OPTIONAL ? Math.min(1, remaining) : remaining;
                for (int take = max; take >= min; take--) {
                    ends[t] = s + take;
                    if (matchFrom(t + 1, segments, s + take, starts, ends)) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    private boolean literalMatches(String literal, String segment) {
        return asRouter ? literal.equals(RequestSegments.literalForm(segment)) : segment.equalsIgnoreCase(literal);
    }

    @Override
    public String toString() {
        return source;
    }
}
