package dev.approute.internal.router;

import dev.approute.Params;
import dev.approute.internal.util.PercentDecoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled trie of route patterns. Matching walks the path once by index, with cost bounded by the path's
 * depth and the backtracking its own segments allow, never by the number of routes; no regex, no reflection.
 *
 * <pre>{@code
 * RouteTable<String> table = RouteTable.build(Map.of(
 *         RoutePattern.parse("/api/prec/[id]"), "one",
 *         RoutePattern.parse("/api/prec/[...rest]"), "many"));
 * table.match("/api/prec/1").value();     // "one"
 * table.match("/api/prec/1/2").params();  // {rest=[1, 2]}
 * table.match("/nothing");                // null
 * }</pre>
 *
 * Precedence at each level is static, then {@code [x]}, then {@code [...x]}, then {@code [[...x]]}; when a branch
 * fails deeper down the walk backtracks, which gives the first match in Next.js's {@code getSortedRoutes} order.
 * Static segments compare with the percent-decoded request segment (RFC 3986 §6.2.2.2: {@code %5Funder} is
 * {@code _under}), except that a decoded {@code /} never matches a static segment.
 */
public final class RouteTable<T> {
    private final Node<T> root;
    private final List<RoutePattern> order;
    private final int size;
    private final int maxDepth;

    private RouteTable(Node<T> root, int size, int maxDepth) {
        this.root = root;
        this.size = size;
        this.maxDepth = maxDepth;
        List<RoutePattern> patterns = new ArrayList<>(size);
        root.collect(patterns);
        root.freeze();
        this.order = Collections.unmodifiableList(patterns);
    }

    /**
     * Compiles validated routes (see {@link RouteValidator}).
     *
     * @throws IllegalArgumentException when two patterns match exactly the same URLs, or a catch-all is not last
     */
    public static <T> RouteTable<T> build(Map<RoutePattern, T> routes) {
        Node<T> root = new Node<>();
        int maxDepth = 0;
        for (Map.Entry<RoutePattern, T> route : routes.entrySet()) {
            RoutePattern pattern = route.getKey();
            List<Segment> segments = pattern.segments();
            maxDepth = Math.max(maxDepth, segments.size());
            Node<T> node = root;
            for (int i = 0; i < segments.size(); i++) {
                Segment segment = segments.get(i);
                boolean last = i == segments.size() - 1;
                switch (segment.kind()) {
                    case STATIC -> node = node.statics().computeIfAbsent(segment.value(), key -> new Node<>());
                    case DYNAMIC -> node = node.dynamic == null ? (node.dynamic = new Node<>()) : node.dynamic;
                    case CATCH_ALL, OPTIONAL_CATCH_ALL -> {
                        if (!last) {
                            throw new IllegalArgumentException("Catch-all must be the last part of the URL: " + pattern);
                        }
                        boolean optional = segment.kind() == SegmentKind.OPTIONAL_CATCH_ALL;
                        Leaf<T> existing = optional ? node.optionalCatchAll : node.catchAll;
                        Leaf<T> leaf = new Leaf<>(route.getValue(), pattern);
                        if (existing != null) {
                            throw sameUrls(existing.pattern, pattern);
                        }
                        if (optional) {
                            node.optionalCatchAll = leaf;
                        } else {
                            node.catchAll = leaf;
                        }
                        node = null;
                    }
                }
                if (node == null) {
                    break;
                }
            }
            if (node != null) {
                if (node.route != null) {
                    throw sameUrls(node.route.pattern, pattern);
                }
                node.route = new Leaf<>(route.getValue(), pattern);
            }
        }
        return new RouteTable<>(root, routes.size(), maxDepth);
    }

    private static IllegalArgumentException sameUrls(RoutePattern first, RoutePattern second) {
        List<Segment> a = first.segments();
        List<Segment> b = second.segments();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).kind() != SegmentKind.STATIC && !a.get(i).value().equals(b.get(i).value())) {
                return new IllegalArgumentException("You cannot use different slug names for the same dynamic path ('"
                        + a.get(i).value() + "' !== '" + b.get(i).value() + "'): " + first + " and " + second
                        + " match the same URLs.");
            }
        }
        return new IllegalArgumentException("Routes " + first + " and " + second + " match the same URLs.");
    }

    /**
     * Finds the route for a canonical path (see {@link PathCanonicalizer}); one trailing {@code /} is ignored.
     *
     * @return the match, or null when no route matches (404)
     * @throws PercentDecoding.MalformedEncodingException for a bad escape in a segment that had to be decoded (400)
     */
    public RouteMatch<T> match(String canonicalPath) {
        int end = canonicalPath.length();
        if (end > 0 && canonicalPath.charAt(end - 1) == '/') {
            end--; // "/" itself becomes empty: the root
        }
        Walk<T> walk = new Walk<>(canonicalPath, end, maxDepth);
        Leaf<T> leaf = walk.from(root, 0, 0);
        if (leaf == null) {
            return null;
        }
        return new RouteMatch<>(leaf.value, leaf.pattern, walk.params(leaf.paramSegments));
    }

    /** The patterns in the order matching tries them: Next's {@code getSortedRoutes} order. */
    public List<RoutePattern> patternsInMatchOrder() {
        return order;
    }

    public int size() {
        return size;
    }

    /** A route at the end of a walk, with its non-static segments ready for building the params. */
    private static final class Leaf<T> {
        private final T value;
        private final RoutePattern pattern;
        private final Segment[] paramSegments;

        Leaf(T value, RoutePattern pattern) {
            this.value = value;
            this.pattern = pattern;
            this.paramSegments = pattern.segments().stream()
                    .filter(segment -> segment.kind() != SegmentKind.STATIC)
                    .toArray(Segment[]::new);
        }
    }

    private static final class Node<T> {
        private Map<String, Node<T>> statics;
        // The static children as an open-addressing table (power-of-two size, at most half full, linear probing),
        // looked up by hashing the request's segment in place: no substring, no allocation. The full hash of each
        // name sits in an int[] so a probe compares ints in one contiguous array and touches a name only when the
        // hashes agree; the slot comes from the hash's high bits after a Fibonacci multiply, because the
        // String.hashCode of names like "item1".."item999" form runs of neighbours that would pile up in one
        // cluster under a plain mask. Together they keep a lookup (a hit, and above all a miss, which must scan to
        // an empty slot) about one probe whether a node has 3 children or 3,000.
        private int[] staticHashes;
        private String[] staticNames;
        private Node<T>[] staticNodes;
        private int staticShift;
        private Node<T> dynamic;
        private Leaf<T> catchAll;
        private Leaf<T> optionalCatchAll;
        private Leaf<T> route;

        Map<String, Node<T>> statics() {
            if (statics == null) {
                statics = new HashMap<>();
            }
            return statics;
        }

        @SuppressWarnings("unchecked")
        void freeze() {
            if (statics != null) {
                int size = Math.max(4, Integer.highestOneBit(statics.size()) << 2); // load factor <= 0.5
                staticShift = 32 - Integer.numberOfTrailingZeros(size);
                staticHashes = new int[size];
                staticNames = new String[size];
                staticNodes = new Node[size];
                for (Map.Entry<String, Node<T>> child : statics.entrySet()) {
                    int hash = child.getKey().hashCode();
                    int slot = slot(hash);
                    while (staticNodes[slot] != null) {
                        slot = (slot + 1) & (size - 1);
                    }
                    staticHashes[slot] = hash;
                    staticNames[slot] = child.getKey();
                    staticNodes[slot] = child.getValue();
                }
                statics.values().forEach(Node::freeze);
            }
            if (dynamic != null) {
                dynamic.freeze();
            }
        }

        private int slot(int hash) {
            return (hash * 0x9E3779B9) >>> staticShift;
        }

        /**
         * The static child named exactly {@code path[start, stop)} (no percent-escapes in it), or null.
         * {@code hash} is that region's {@link String#hashCode()}, computed by the caller's scan of the segment.
         */
        Node<T> staticChild(String path, int start, int stop, int hash) {
            int length = stop - start;
            int mask = staticNodes.length - 1;
            Node<T> child;
            for (int slot = slot(hash); (child = staticNodes[slot]) != null; slot = (slot + 1) & mask) {
                if (staticHashes[slot] == hash) {
                    String name = staticNames[slot];
                    if (name.length() == length && path.regionMatches(start, name, 0, length)) {
                        return child;
                    }
                }
            }
            return null;
        }

        /** The static child named by the percent-decoded {@code path[start, stop)}, or null. */
        Node<T> decodedStaticChild(String path, int start, int stop) {
            // The same comparison as RequestSegments.literalForm (middleware's matcher), without a substring first.
            String decoded = PercentDecoding.decodeStrict(path, start, stop);
            // "/api%2Fhello" is one segment "api/hello": it must not reach app/api/hello.
            return decoded.indexOf('/') >= 0 ? null : statics.get(decoded);
        }

        void collect(List<RoutePattern> out) {
            if (route != null) {
                out.add(route.pattern);
            }
            if (statics != null) {
                statics.keySet().stream().sorted().forEach(key -> statics.get(key).collect(out));
            }
            if (dynamic != null) {
                dynamic.collect(out);
            }
            if (catchAll != null) {
                out.add(catchAll.pattern);
            }
            if (optionalCatchAll != null) {
                out.add(optionalCatchAll.pattern);
            }
        }
    }

    /** One match attempt: the path, and where each {@code [x]} segment and the catch-all were found. */
    private static final class Walk<T> {
        private final String path;
        private final int end;
        private final int maxDepth;
        private int[] dynamicBounds; // allocated at the first [x] segment: a static route needs none
        private int restStart = -1;
        private boolean escapes; // a segment scanned so far held a '%': until then params are plain substrings

        Walk(String path, int end, int maxDepth) {
            this.path = path;
            this.end = end;
            this.maxDepth = maxDepth;
        }

        // `slash` is the index of the '/' before the next segment; the path is consumed when slash >= end.
        Leaf<T> from(Node<T> node, int slash, int dynamicCount) {
            if (slash >= end) {
                if (node.route != null) {
                    return node.route;
                }
                restStart = -1;
                return node.optionalCatchAll;
            }
            int start = slash + 1;
            // One pass over the segment finds its end, its String.hashCode (the static table's key) and any escape.
            int stop = start;
            int hash = 0;
            boolean escaped = false;
            for (char c; stop < end && (c = path.charAt(stop)) != '/'; stop++) {
                hash = 31 * hash + c;
                escaped |= c == '%';
            }
            escapes |= escaped;
            if (node.staticNodes != null) {
                Node<T> child = escaped ? node.decodedStaticChild(path, start, stop) : node.staticChild(path, start, stop, hash);
                if (child != null) {
                    Leaf<T> found = from(child, stop, dynamicCount);
                    if (found != null) {
                        return found;
                    }
                }
            }
            if (node.dynamic != null && stop > start) {
                if (dynamicBounds == null) {
                    dynamicBounds = new int[2 * maxDepth];
                }
                dynamicBounds[2 * dynamicCount] = start;
                dynamicBounds[2 * dynamicCount + 1] = stop;
                Leaf<T> found = from(node.dynamic, stop, dynamicCount + 1);
                if (found != null) {
                    return found;
                }
            }
            // Like Next's "(.+?)": the rest of the path, which may hold empty pieces but is never empty as a whole.
            if (node.catchAll != null && end > start) {
                restStart = start;
                return node.catchAll;
            }
            if (node.optionalCatchAll != null && end > start) {
                restStart = start;
                return node.optionalCatchAll;
            }
            return null;
        }

        Params params(Segment[] paramSegments) {
            if (paramSegments.length == 0) {
                return Params.empty();
            }
            Object[] entries = new Object[2 * paramSegments.length];
            int count = 0;
            for (int i = 0; i < paramSegments.length; i++) {
                Segment segment = paramSegments[i];
                Object value;
                if (segment.kind() == SegmentKind.DYNAMIC) {
                    value = text(dynamicBounds[2 * i], dynamicBounds[2 * i + 1], escapes);
                } else if (restStart >= 0) {
                    value = pieces(restStart);
                } else {
                    continue; // an optional catch-all that matched nothing is absent
                }
                entries[count++] = segment.value();
                entries[count++] = value;
            }
            return Params.of(count == entries.length ? entries : Arrays.copyOf(entries, count));
        }

        // Split on the literal '/' first, then decode each piece, so "a%2Fb/c" gives ["a/b", "c"].
        private List<String> pieces(int start) {
            int count = 1;
            boolean escaped = false;
            for (int i = start; i < end; i++) {
                char c = path.charAt(i);
                if (c == '/') {
                    count++;
                }
                escaped |= c == '%';
            }
            String[] pieces = new String[count];
            int from = start;
            int piece = 0;
            for (int i = start; piece < count - 1; i++) {
                if (path.charAt(i) == '/') {
                    pieces[piece++] = text(from, i, escaped);
                    from = i + 1;
                }
            }
            pieces[piece] = text(from, end, escaped);
            return List.of(pieces);
        }

        private String text(int start, int stop, boolean escaped) {
            return escaped ? PercentDecoding.decodeStrict(path, start, stop) : path.substring(start, stop);
        }
    }
}
