import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes the jdk.ExecutionSample events of a JFR recording as Markdown (used by bench/run --profile):
 * self time by component (approute, route code, Helidon, Jackson, JDK), the hottest frames by self time, and
 * approute's own frames by inclusive time (how much of the CPU passes through them).
 * <pre>java bench/tools/JfrTop.java recording.jfr [topN]</pre>
 */
public final class JfrTop {
    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> selfComponent = new HashMap<>();
        Map<String, Integer> inclusiveOwn = new HashMap<>();
        Map<String, Integer> inclusiveComponent = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            String leaf = name(frames.get(0));
            self.merge(leaf, 1, Integer::sum);
            selfComponent.merge(component(leaf), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            Set<String> seenComponents = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                String component = component(name);
                if (seenComponents.add(component)) {
                    inclusiveComponent.merge(component, 1, Integer::sum);
                }
                if ((component.equals("approute") || component.equals("route code")) && seen.add(name)) {
                    inclusiveOwn.merge(name, 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(samples).append(" execution samples.\n\n");
        out.append("| component | self % | inclusive % |\n|---|---:|---:|\n");
        for (String c : sorted(selfComponent, 20)) {
            out.append("| ").append(c).append(" | ").append(pct(selfComponent.get(c), samples)).append(" | ")
                    .append(pct(inclusiveComponent.getOrDefault(c, 0), samples)).append(" |\n");
        }
        out.append("\nHottest frames (self time):\n\n| self % | frame |\n|---:|---|\n");
        for (String f : sorted(self, top)) {
            out.append("| ").append(pct(self.get(f), samples)).append(" | `").append(f).append("` |\n");
        }
        out.append("\napproute's own frames (inclusive: the share of samples with this frame on the stack):\n\n"
                + "| inclusive % | frame |\n|---:|---|\n");
        for (String f : sorted(inclusiveOwn, top)) {
            out.append("| ").append(pct(inclusiveOwn.get(f), samples)).append(" | `").append(f).append("` |\n");
        }
        System.out.print(out);
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }

    private static String component(String frame) {
        if (frame.startsWith("dev.approute.")) {
            return "approute";
        }
        if (frame.startsWith("approute.routes.")) {
            return "route code";
        }
        if (frame.startsWith("io.helidon.")) {
            return "helidon";
        }
        if (frame.startsWith("com.fasterxml.jackson.")) {
            return "jackson";
        }
        if (frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.")) {
            return "jdk";
        }
        return "other";
    }

    private static List<String> sorted(Map<String, Integer> counts, int limit) {
        List<String> keys = new ArrayList<>(counts.keySet());
        keys.sort((a, b) -> counts.get(b) - counts.get(a));
        return keys.subList(0, Math.min(limit, keys.size()));
    }

    private static String pct(int count, int total) {
        return String.format("%.1f", total == 0 ? 0.0 : 100.0 * count / total);
    }
}
