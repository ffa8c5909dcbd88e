package dev.approute.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A destination or header value with {@code :name} references to the parameters its rule captured, split once at
 * load into literal text and references. Only names the rule defines are references ({@code max-age=60} or
 * {@code 12:30} stay literal); a {@code *} or {@code +} after the name ({@code :path*}) is part of the reference; a {@code ?} is not (in a destination it starts the query).
 *
 * <pre>{@code
 * ParamTemplate template = ParamTemplate.compile("/blog/:slug?ref=:src", Set.of("slug", "src"));
 * template.render(Map.of("slug", "hello", "src", "x"), UnaryOperator.identity());   // "/blog/hello?ref=x"
 * }</pre>
 */
public final class ParamTemplate {
    private final List<String> literals;
    private final List<String> names;

    private ParamTemplate(List<String> literals, List<String> names) {
        this.literals = literals;
        this.names = names;
    }

    static ParamTemplate compile(String text, Set<String> known) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == ':' ? nameEnd(text, i + 1) : i + 1;
            String name = c == ':' ? text.substring(i + 1, end) : null;
            if (name != null && known.contains(name)) {
                // Not "?": in a destination it starts the query ("/items/:slug?from=blog").
                if (end < text.length() && (text.charAt(end) == '*' || text.charAt(end) == '+')) {
                    end++;
                }
                literals.add(literal.toString());
                names.add(name);
                literal.setLength(0);
                i = end;
            } else {
                literal.append(c);
                i++;
            }
        }
        literals.add(literal.toString());
        return new ParamTemplate(List.copyOf(literals), List.copyOf(names));
    }

    /** {@code :name} references in {@code text} whose name is not in {@code known} (a config mistake in a destination). */
    static List<String> unknownReferences(String text, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ':') {
                int end = nameEnd(text, i + 1);
                String name = text.substring(i + 1, end);
                if (!name.isEmpty() && Character.isLetter(name.charAt(0)) && !known.contains(name)) {
                    unknown.add(":" + name);
                }
            }
        }
        return unknown;
    }

    private static int nameEnd(String text, int start) {
        int end = start;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    boolean hasReferences() {
        return !names.isEmpty();
    }

    /** @param encode applied to each parameter value (percent-encoding for URLs, identity for header values) */
    public String render(Map<String, String> params, UnaryOperator<String> encode) {
        if (names.isEmpty()) {
            return literals.getFirst();
        }
        StringBuilder out = new StringBuilder(literals.getFirst());
        for (int i = 0; i < names.size(); i++) {
            String value = params.get(names.get(i));
            out.append(value == null ? "" : encode.apply(value)).append(literals.get(i + 1));
        }
        return out.toString();
    }
}
