// Turns JMH's JSON result into bench/results/jmh.md. Run on the benchmarks.jar class path (it holds Jackson):
//   java -cp bench/jmh/target/benchmarks.jar bench/jmh/Report.java result.json out.md "<header lines>" [more.json ...]
// With several results (bench/jmh/run --rounds N), each round's iterations join the same benchmark's: medians are
// then taken over rounds run minutes apart, so one busy minute on the shared machine cannot decide a verdict.
// POOLED_JSON=path also writes the pooled raw result there.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

class Report {
    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode results = mapper.readTree(Path.of(args[0]).toFile());
        boolean pooled = args.length > 3; // several rounds
        for (int i = 3; i < args.length; i++) {
            merge(results, mapper.readTree(Path.of(args[i]).toFile()));
        }
        String pooledJson = System.getenv("POOLED_JSON"); // where bench/jmh/run keeps the (pooled) raw result
        if (pooledJson != null) {
            mapper.writerWithDefaultPrettyPrinter().writeValue(Path.of(pooledJson).toFile(), results);
        }
        StringBuilder md = new StringBuilder();
        md.append("# JMH: route matching, param decoding, Response.json\n\n");
        md.append(args.length > 2 ? args[2] : "").append("\n\n");
        md.append("| benchmark | params | score (mean) | error (99.9%) | median iteration | CPU time / op (median) | unit |\n|---|---|---:|---:|---:|---:|---|\n");
        Map<String, Double> wall = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText().replace("dev.approute.bench.", "");
            String params = "";
            if (r.has("params")) {
                StringBuilder p = new StringBuilder();
                r.get("params").fields().forEachRemaining(e -> p.append(p.isEmpty() ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asText()));
                params = p.toString();
            }
            JsonNode metric = r.get("primaryMetric");
            double score = pooled ? mean(metric) : metric.get("score").asDouble();
            double error = pooled ? Double.NaN : metric.get("scoreError").asDouble(); // JMH's error is per round
            double median = median(metric);
            JsonNode cpuMetric = r.path("secondaryMetrics").get("cpu.time/op");
            double cpuMedian = cpuMetric == null ? Double.NaN : median(cpuMetric);
            md.append("| ").append(name).append(" | ").append(params).append(" | ").append(fmt(score)).append(" | ")
                    .append(Double.isNaN(error) ? "n/a" : "± " + fmt(error)).append(" | ").append(fmt(median)).append(" | ")
                    .append(fmt(cpuMedian)).append(" | ").append(metric.get("scoreUnit").asText()).append(" |\n");
            wall.put(name + "|" + params, median);
            cpu.put(name + "|" + params, cpuMedian);
        }
        boolean haveCpu = cpu.values().stream().anyMatch(v -> !Double.isNaN(v));
        Map<String, Double> judged = haveCpu ? cpu : wall;
        md.append("\n## Targets\n\n");
        md.append(haveCpu
                ? "Judged on the median iteration of the CPU time per operation (`-prof dev.approute.bench.CpuTimeProfiler`: "
                  + "CPU time of the benchmark JVM, all threads, divided by the operations). On this shared 2-core machine the "
                  + "wall-clock score also counts the time the benchmark thread waited for a core; CPU time is the cost on one "
                  + "core and includes GC and JIT work. Wall-clock medians are shown beside it.\n\n"
                : "Judged on the median iteration (robust against bursts from other processes on this shared 2-core machine; the mean is in the table above).\n\n");
        md.append("| target | measured").append(haveCpu ? " (CPU time)" : "").append(" | wall-clock | verdict |\n|---|---|---|---|\n");
        String[] probes = {"dynamic3Segments", "staticPath", "catchAll", "miss", "canonicalizeAndMatchDynamic"};
        for (String probe : probes) {
            String smallKey = "RouteMatchBenchmark." + probe + "|routes=10";
            String bigKey = "RouteMatchBenchmark." + probe + "|routes=10000";
            Double small = judged.get(smallKey);
            Double big = judged.get(bigKey);
            if (small == null || big == null || small.isNaN() || big.isNaN()) {
                continue;
            }
            double ratio = big / small;
            boolean primary = probe.equals("dynamic3Segments");
            md.append("| ").append(primary ? "**" : "").append("10,000 vs 10 routes, ").append(probe).append(" ≤ 1.2x")
                    .append(primary ? "**" : "").append(" | ").append(fmt(big)).append(" / ").append(fmt(small)).append(" ns = ")
                    .append(String.format(Locale.ROOT, "%.2fx", ratio)).append(" | ")
                    .append(String.format(Locale.ROOT, "%s / %s ns = %.2fx", fmt(wall.get(bigKey)), fmt(wall.get(smallKey)), wall.get(bigKey) / wall.get(smallKey)))
                    .append(" | ").append(ratio <= 1.2 ? "met" : "**missed**").append(" |\n");
        }
        for (String routes : new String[]{"10", "10000"}) {
            String key = "RouteMatchBenchmark.dynamic3Segments|routes=" + routes;
            Double ns = judged.get(key);
            if (ns != null && !ns.isNaN()) {
                double perSecond = 1e9 / ns;
                md.append("| ≥ 5 M matches/s, one core, 3-segment dynamic path (").append(routes).append(" routes) | ")
                        .append(String.format(Locale.ROOT, "%.2f M/s (%s ns/match)", perSecond / 1e6, fmt(ns))).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f M/s (%s ns/match)", 1e3 / wall.get(key), fmt(wall.get(key)))).append(" | ")
                        .append(perSecond >= 5e6 ? "met" : "**missed**").append(" |\n");
            }
        }
        Files.writeString(Path.of(args[1]), md.toString());
        System.out.print(md);
    }

    // Appends each benchmark's iterations of `round` to the same benchmark (and params) in `results`, as more forks.
    private static void merge(JsonNode results, JsonNode round) {
        for (JsonNode extra : round) {
            for (JsonNode existing : results) {
                if (existing.get("benchmark").equals(extra.get("benchmark")) && existing.path("params").equals(extra.path("params"))) {
                    appendForks(existing.get("primaryMetric"), extra.get("primaryMetric"));
                    extra.path("secondaryMetrics").fields().forEachRemaining(metric -> {
                        JsonNode target = existing.path("secondaryMetrics").get(metric.getKey());
                        if (target != null) {
                            appendForks(target, metric.getValue());
                        }
                    });
                }
            }
        }
    }

    private static void appendForks(JsonNode metric, JsonNode more) {
        more.get("rawData").forEach(fork -> ((com.fasterxml.jackson.databind.node.ArrayNode) metric.get("rawData")).add(fork));
    }

    private static double mean(JsonNode metric) {
        double sum = 0;
        int count = 0;
        for (JsonNode fork : metric.get("rawData")) {
            for (JsonNode value : fork) {
                sum += value.asDouble();
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double median(JsonNode metric) {
        java.util.List<Double> iterations = new java.util.ArrayList<>();
        for (JsonNode fork : metric.get("rawData")) {
            for (JsonNode value : fork) {
                iterations.add(value.asDouble());
            }
        }
        java.util.Collections.sort(iterations);
        int mid = iterations.size() / 2;
        return iterations.isEmpty() ? Double.NaN
                : iterations.size() % 2 == 1 ? iterations.get(mid) : (iterations.get(mid - 1) + iterations.get(mid)) / 2;
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
