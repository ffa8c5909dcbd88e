package dev.approute.internal.router;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Next.js's {@code getSortedRoutes} (the "UrlNode" trie of {@code sorted-routes.ts}): orders route patterns the way
 * the router tries them, and throws for sets it cannot order, with Next's wording.
 *
 * <pre>{@code
 * RouteSorter.sortedRoutes(List.of("/blog/[...slug]", "/blog/[slug]", "/blog", "/blog/new"));
 * // ["/blog", "/blog/new", "/blog/[slug]", "/blog/[...slug]"]
 * RouteSorter.sortedRoutes(List.of("/x/[a]/one", "/x/[b]/two"));
 * // throws: You cannot use different slug names for the same dynamic path ('a' !== 'b').
 * }</pre>
 *
 * Order: depth-first; at each node the node itself, then static children by {@link String#compareTo}
 * (JS {@code Array.sort()} code-unit order), then {@code [x]}, {@code [...x]}, {@code [[...x]]}.
 * Exact duplicates collapse.
 */
public final class RouteSorter {
    private RouteSorter() {
    }

    /** @throws IllegalArgumentException for conflicting or malformed patterns */
    public static List<String> sortedRoutes(List<String> patterns) {
        Node root = new Node();
        for (String pattern : patterns) {
            List<String> parts = new ArrayList<>();
            for (String part : pattern.split("/")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            root.insert(parts, 0, new ArrayList<>(), false);
        }
        List<String> out = new ArrayList<>();
        root.smoosh("/", out);
        return out;
    }

    private static final class Node {
        private boolean placeholder = true;
        private final TreeMap<String, Node> children = new TreeMap<>();
        private String slugName;
        private String restSlugName;
        private String optionalRestSlugName;

        void insert(List<String> parts, int index, List<String> slugNames, boolean isCatchAll) {
            if (index == parts.size()) {
                placeholder = false;
                return;
            }
            if (isCatchAll) {
                throw new IllegalArgumentException("Catch-all must be the last part of the URL.");
            }
            String part = parts.get(index);
            String key = part;
            if (part.startsWith("[") && part.endsWith("]")) {
                String name = part.substring(1, part.length() - 1);
                boolean optional = false;
                if (name.startsWith("[") && name.endsWith("]")) {
                    name = name.substring(1, name.length() - 1);
                    optional = true;
                }
                if (name.startsWith("\u2026")) {
                    throw new IllegalArgumentException("Detected a three-dot character ('\u2026') at ('" + name + "'). Did you mean ('...')?");
                }
                if (name.startsWith("...")) {
                    name = name.substring(3);
                    isCatchAll = true;
                }
                if (name.startsWith("[") || name.endsWith("]")) {
                    throw new IllegalArgumentException("Segment names may not start or end with extra brackets ('" + name + "').");
                }
                if (name.startsWith(".")) {
                    throw new IllegalArgumentException("Segment names may not start with erroneous periods ('" + name + "').");
                }
                if (isCatchAll && optional) {
                    if (restSlugName != null) {
                        // Wording (including "an required" and the space before ')') is Next 16.4.6's.
                        throw new IllegalArgumentException("You cannot use both an required and optional catch-all route at the same level (\"[..."
                                + restSlugName + "]\" and \"" + part + "\" ).");
                    }
                    checkSlug(optionalRestSlugName, name, slugNames);
                    optionalRestSlugName = name;
                    key = "[[...]]";
                } else if (isCatchAll) {
                    if (optionalRestSlugName != null) {
                        throw new IllegalArgumentException("You cannot use both an optional and required catch-all route at the same level (\"[[..."
                                + optionalRestSlugName + "]]\" and \"" + part + "\").");
                    }
                    checkSlug(restSlugName, name, slugNames);
                    restSlugName = name;
                    key = "[...]";
                } else {
                    if (optional) {
                        throw new IllegalArgumentException("Optional route parameters are not yet supported (\"" + part + "\").");
                    }
                    checkSlug(slugName, name, slugNames);
                    slugName = name;
                    key = "[]";
                }
            }
            children.computeIfAbsent(key, k -> new Node()).insert(parts, index + 1, slugNames, isCatchAll);
        }

        private static void checkSlug(String previous, String next, List<String> slugNames) {
            if (previous != null && !previous.equals(next)) {
                throw new IllegalArgumentException("You cannot use different slug names for the same dynamic path ('"
                        + previous + "' !== '" + next + "').");
            }
            for (String slug : slugNames) {
                if (slug.equals(next)) {
                    throw new IllegalArgumentException("You cannot have the same slug name \"" + next
                            + "\" repeat within a single dynamic path");
                }
                if (wordChars(slug).equals(wordChars(next))) {
                    throw new IllegalArgumentException("You cannot have the slug names \"" + slug + "\" and \"" + next
                            + "\" differ only by non-word symbols within a single dynamic path");
                }
            }
            slugNames.add(next);
        }

        void smoosh(String prefix, List<String> out) {
            if (!placeholder) {
                String self = prefix.equals("/") ? "/" : prefix.substring(0, prefix.length() - 1);
                if (optionalRestSlugName != null) {
                    // Next prints "a optional"; it also drops the '/' before "[[..." (fixed here, as its later versions do).
                    throw new IllegalArgumentException("You cannot define a route with the same specificity as a optional catch-all route (\""
                            + self + "\" and \"" + (self.equals("/") ? "/" : self + "/") + "[[..." + optionalRestSlugName + "]]\").");
                }
                out.add(self);
            }
            children.forEach((key, child) -> {
                if (!key.equals("[]") && !key.equals("[...]") && !key.equals("[[...]]")) {
                    child.smoosh(prefix + key + "/", out);
                }
            });
            if (slugName != null) {
                children.get("[]").smoosh(prefix + "[" + slugName + "]/", out);
            }
            if (restSlugName != null) {
                children.get("[...]").smoosh(prefix + "[..." + restSlugName + "]/", out);
            }
            if (optionalRestSlugName != null) {
                children.get("[[...]]").smoosh(prefix + "[[..." + optionalRestSlugName + "]]/", out);
            }
        }
    }

    /** JS {@code name.replace(/\W/g, '')}: what is left when non-word characters are removed. */
    static String wordChars(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
