// Turns JMH's JSON result into bench/results/jmh.md. Run on the benchmarks.jar class path (it holds Jackson):
//   java -cp bench/jmh/target/benchmarks.jar bench/jmh/Report.java result.json out.md "<header lines>"
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

class Report {
    public static void main(String[] args) throws Exception {
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        StringBuilder md = new StringBuilder();
        md.append("# JMH: route matching, param decoding, Response.json\n\n");
        md.append(args.length > 2 ? args[2] : "").append("\n\n");
        md.append("| benchmark | params | score (mean) | error (99.9%) | median iteration | unit |\n|---|---|---:|---:|---:|---|\n");
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText().replace("dev.approute.bench.", "");
            String params = "";
            if (r.has("params")) {
                StringBuilder p = new StringBuilder();
                r.get("params").fields().forEachRemaining(e -> p.append(p.isEmpty() ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asText()));
                params = p.toString();
            }
            JsonNode metric = r.get("primaryMetric");
            double score = metric.get("score").asDouble();
            double error = metric.get("scoreError").asDouble();
            java.util.List<Double> iterations = new java.util.ArrayList<>();
            for (JsonNode fork : metric.get("rawData")) {
                for (JsonNode value : fork) {
                    iterations.add(value.asDouble());
                }
            }
            java.util.Collections.sort(iterations);
            int mid = iterations.size() / 2;
            double median = iterations.isEmpty() ? Double.NaN
                    : iterations.size() % 2 == 1 ? iterations.get(mid) : (iterations.get(mid - 1) + iterations.get(mid)) / 2;
            md.append("| ").append(name).append(" | ").append(params).append(" | ").append(fmt(score)).append(" | ")
                    .append(Double.isNaN(error) ? "n/a" : "± " + fmt(error)).append(" | ").append(fmt(median)).append(" | ").append(metric.get("scoreUnit").asText()).append(" |\n");
            scores.put(name + "|" + params, median);
            errors.put(name + "|" + params, error);
        }
        md.append("\n## Targets\n\nJudged on the median iteration (robust against bursts from other processes on this shared 2-core machine; the mean is in the table above).\n\n");
        md.append("| target | measured | verdict |\n|---|---|---|\n");
        String[] probes = {"dynamic3Segments", "staticPath", "catchAll", "miss", "canonicalizeAndMatchDynamic"};
        for (String probe : probes) {
            Double small = scores.get("RouteMatchBenchmark." + probe + "|routes=10");
            Double big = scores.get("RouteMatchBenchmark." + probe + "|routes=10000");
            if (small == null || big == null) {
                continue;
            }
            double ratio = big / small;
            boolean primary = probe.equals("dynamic3Segments");
            md.append("| ").append(primary ? "**" : "").append("10,000 vs 10 routes, ").append(probe).append(" ≤ 1.2x")
                    .append(primary ? "**" : "").append(" | ").append(fmt(big)).append(" / ").append(fmt(small)).append(" ns = ")
                    .append(String.format(Locale.ROOT, "%.2fx", ratio)).append(" | ").append(ratio <= 1.2 ? "met" : "**missed**").append(" |\n");
        }
        for (String routes : new String[]{"10", "10000"}) {
            Double ns = scores.get("RouteMatchBenchmark.dynamic3Segments|routes=" + routes);
            if (ns != null) {
                double perSecond = 1e9 / ns;
                md.append("| ≥ 5 M matches/s, one core, 3-segment dynamic path (").append(routes).append(" routes) | ")
                        .append(String.format(Locale.ROOT, "%.2f M/s (%s ns/match)", perSecond / 1e6, fmt(ns))).append(" | ")
                        .append(perSecond >= 5e6 ? "met" : "**missed**").append(" |\n");
            }
        }
        Files.writeString(Path.of(args[1]), md.toString());
        System.out.print(md);
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
