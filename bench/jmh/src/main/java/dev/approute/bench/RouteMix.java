package dev.approute.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.approute.internal.router.RouteMatch;
import dev.approute.internal.router.RoutePattern;
import dev.approute.internal.router.RouteTable;

/**
 * A deterministic app of {@code n} routes: the four probe routes every size shares, plus a generated mix of
 * static (50%), {@code [param]} (30%), {@code [...catchall]} (10%) and {@code [[...optional]]} (10%) patterns.
 * The generated routes deliberately crowd the probes' own prefixes ({@code /api}, {@code /api/v1},
 * {@code /shop}, {@code /docs...}), so a bigger table means bigger trie nodes on the probes' paths, not
 * just more unrelated top-level branches.
 */
public final class RouteMix {
    /** The probe routes, present at every size. */
    public static final String DYNAMIC_ROUTE = "/shop/[category]/[item]";
    public static final String STATIC_ROUTE = "/api/v1/status";
    public static final String CATCH_ALL_ROUTE = "/docs/[...slug]";
    public static final String OPTIONAL_ROUTE = "/blog/[[...slug]]";

    /** The probe paths. */
    public static final String DYNAMIC_PATH = "/shop/shoes/sneaker-42";          // 3 segments, 2 params
    public static final String STATIC_PATH = "/api/v1/status";                   // 3 static segments
    public static final String CATCH_ALL_PATH = "/docs/guide/routing/dynamic";   // 1 + 3 catch-all pieces
    public static final String MISS_PATH = "/shop/shoes/sneaker-42/nope";        // walks /shop/[c]/[i], backtracks, 404

    private RouteMix() {
    }

    public static List<String> patterns(int n) {
        List<String> out = new ArrayList<>(n);
        out.add(DYNAMIC_ROUTE);
        out.add(STATIC_ROUTE);
        out.add(CATCH_ALL_ROUTE);
        out.add(OPTIONAL_ROUTE);
        for (int i = 0; out.size() < n; i++) {
            out.add(switch (i % 10) {
                case 0, 1 -> "/api/v" + (i % 3) + "/res" + i;               // static, crowds /api/v1
                case 2 -> "/shop/sale" + i;                                  // static, crowds /shop
                case 3 -> "/page" + i + "/about";                            // static, top level
                case 4 -> "/api/v1/res" + i + "/items";                       // static, 4 deep
                case 5 -> "/api/v1/res" + i + "/[id]";                        // dynamic under /api/v1
                case 6 -> "/u" + i + "/[user]/settings";                      // dynamic, top level
                case 7 -> "/shop/c" + i + "/[item]";                          // dynamic, crowds /shop
                case 8 -> "/docs" + i + "/[...slug]";                         // catch-all
                default -> "/api/v2/files" + i + "/[[...path]]";              // optional catch-all
            });
        }
        return out;
    }

    public static RouteTable<String> table(int n) {
        Map<RoutePattern, String> routes = new LinkedHashMap<>();
        for (String pattern : patterns(n)) {
            if (routes.put(RoutePattern.parse(pattern), pattern) != null) {
                throw new IllegalStateException("duplicate generated route " + pattern);
            }
        }
        RouteTable<String> table = RouteTable.build(routes);
        if (table.size() != n) {
            throw new IllegalStateException("expected " + n + " routes, got " + table.size());
        }
        expect(table, DYNAMIC_PATH, DYNAMIC_ROUTE);
        expect(table, STATIC_PATH, STATIC_ROUTE);
        expect(table, CATCH_ALL_PATH, CATCH_ALL_ROUTE);
        expect(table, MISS_PATH, null);
        return table;
    }

    private static void expect(RouteTable<String> table, String path, String route) {
        RouteMatch<String> match = table.match(path);
        String got = match == null ? null : match.value();
        if (route == null ? got != null : !route.equals(got)) {
            throw new IllegalStateException(path + " matched " + got + ", expected " + route);
        }
    }
}
