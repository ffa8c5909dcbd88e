package dev.approute.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.approute.internal.router.RoutePattern;
import dev.approute.internal.router.RouteTable;
import dev.approute.internal.util.PercentDecoding;

/**
 * Param decoding: {@code PercentDecoding.decodeStrict} on its own (plain and percent-encoded UTF-8), and through
 * {@code RouteTable.match} + {@code Params.get/getAll} for a {@code [slug]} and a {@code [...slug]} route.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParamDecodingBenchmark {
    public String plain = "sneaker-42";
    public String encodedUtf8 = "caf%C3%A9%20cr%C3%A8me%20br%C3%BBl%C3%A9e";   // "café crème brûlée"
    public String plainPath = "/items/sneaker-42";
    public String encodedPath = "/items/caf%C3%A9%20cr%C3%A8me%20br%C3%BBl%C3%A9e";
    public String catchAllPlainPath = "/docs/guide/routing/dynamic/segments";
    public String catchAllEncodedPath = "/docs/gu%C3%AFde/a%2Fb/caf%C3%A9/x%20y";

    private RouteTable<String> table;

    @Setup
    public void setUp() {
        Map<RoutePattern, String> routes = new LinkedHashMap<>();
        routes.put(RoutePattern.parse("/items/[slug]"), "items");
        routes.put(RoutePattern.parse("/docs/[...slug]"), "docs");
        table = RouteTable.build(routes);
        check(table.match(encodedPath).params().get("slug").equals("café crème brûlée"), "utf-8 slug");
        check(table.match(catchAllEncodedPath).params().getAll("slug").equals(List.of("guïde", "a/b", "café", "x y")), "catch-all");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("unexpected decoding: " + what);
        }
    }

    @Benchmark
    public String decodePlain() {
        return PercentDecoding.decodeStrict(plain);
    }

    @Benchmark
    public String decodeUtf8() {
        return PercentDecoding.decodeStrict(encodedUtf8);
    }

    @Benchmark
    public String matchParamPlain() {
        return table.match(plainPath).params().get("slug");
    }

    @Benchmark
    public String matchParamUtf8() {
        return table.match(encodedPath).params().get("slug");
    }

    @Benchmark
    public List<String> matchCatchAllPlain() {
        return table.match(catchAllPlainPath).params().getAll("slug");
    }

    @Benchmark
    public List<String> matchCatchAllEncoded() {
        return table.match(catchAllEncodedPath).params().getAll("slug");
    }
}
