package dev.approute.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * {@code -prof dev.approute.bench.CpuTimeProfiler}: the CPU time the benchmark JVM used per operation (every thread:
 * the benchmark's, GC and JIT), reported as {@code ·cpu.time/op} next to JMH's wall-clock score.
 *
 * <p>Why: this machine is shared (2 cores, other builds running). Wall-clock time per operation then includes the
 * time the benchmark thread waited for a core, which says nothing about the code; CPU time does not. For a
 * single-threaded benchmark it is the "cost on one core" the targets speak of, and it is never below it on an idle
 * machine either (GC and JIT threads count too), so it flatters nothing.
 */
public class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startCpuNanos;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark JVM per operation (robust on a shared machine)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startCpuNanos = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpuNanos = os.getProcessCpuTime() - startCpuNanos;
        long ops = result.getMetadata().getAllOps();
        TimeUnit unit = benchmarkParams.getTimeUnit();
        double perOp = ops == 0 ? Double.NaN : cpuNanos / (double) ops / unit.toNanos(1);
        return List.of(new ScalarResult("cpu.time/op", perOp, shortName(unit) + "/op", AggregationPolicy.AVG));
    }

    private static String shortName(TimeUnit unit) {
        return switch (unit) {
            case NANOSECONDS -> "ns";
            case MICROSECONDS -> "us";
            case MILLISECONDS -> "ms";
            case SECONDS -> "s";
            default -> unit.name().toLowerCase();
        };
    }
}
