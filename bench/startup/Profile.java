import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarizes async-profiler's collapsed CPU stacks of cold starts (one file per start, {@code threads} on, 1 ms
 * interval) as a Markdown table: CPU by thread, then the start-up phases by the frames that mark them.
 * Used by {@code bench/startup/run --profile}.
 *
 * <pre>{@code
 * java bench/startup/Profile.java start1.collapsed start2.collapsed ...
 * }</pre>
 */
public class Profile {
    // A phase is the CPU of the stacks holding its frame (first match wins, so list nested phases first).
    private static final Map<String, String> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put("build read: manifest (Jackson's first use included)", "BuildManifest.read");
        PHASES.put("build read: sources unchanged since the build (size and time)", "BuildManifest.staleness");
        PHASES.put("build read: route classes loaded and bound (MethodHandles)", "RouteLoader.load");
        PHASES.put("build read: app/ scanned for pages and static files", "AppScanner.scan");
        PHASES.put("build read: the rest (approute.json, route table)", "AppAssembler.loadBuilt");
        PHASES.put("Helidon set-up (HttpServer.create)", "HttpServer.create");
        PHASES.put("Helidon listening (HttpServer.listen)", "HttpServer.listen");
        PHASES.put("response cache opened", "Prerenderer.openCache");
        PHASES.put("first request (GET /api/hello)", "CatchAllHandler.handle");
        PHASES.put("CLI class initialization (logging)", "cli/Main.<clinit>");
    }

    public static void main(String[] args) throws IOException {
        Map<String, Long> threads = new LinkedHashMap<>();
        Map<String, Long> phases = new LinkedHashMap<>();
        PHASES.keySet().forEach(name -> phases.put(name, 0L));
        long total = 0;
        for (String file : args) {
            for (String line : Files.readAllLines(Path.of(file))) {
                int space = line.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                long samples = Long.parseLong(line.substring(space + 1).trim());
                String stack = line.substring(0, space);
                total += samples;
                threads.merge(threadGroup(stack), samples, Long::sum);
                for (Map.Entry<String, String> phase : PHASES.entrySet()) {
                    if (stack.contains(phase.getValue())) {
                        phases.merge(phase.getKey(), samples, Long::sum);
                        break;
                    }
                }
            }
        }
        int starts = args.length;
        System.out.println("| thread | CPU ms per start | share |");
        System.out.println("|---|---:|---:|");
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(threads.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> entry : sorted) {
            System.out.printf("| %s | %d | %.0f%% |%n", entry.getKey(), entry.getValue() / starts, 100.0 * entry.getValue() / total);
        }
        System.out.printf("| all | %d | 100%% |%n", total / starts);
        System.out.println();
        System.out.println("| phase (main and approute-load threads) | CPU ms per start |");
        System.out.println("|---|---:|");
        for (Map.Entry<String, Long> entry : phases.entrySet()) {
            System.out.printf("| %s | %d |%n", entry.getKey(), entry.getValue() / starts);
        }
    }

    private static String threadGroup(String stack) {
        String thread = stack.substring(0, Math.max(0, stack.indexOf(';'))).replaceFirst("^\\[", "").replaceFirst(" tid=\\d+\\]$", "");
        if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
            return "JIT compilers (C1, C2)";
        }
        if (thread.equals("main") || thread.equals("approute-load")) {
            return thread + " (start-up work)";
        }
        if (thread.startsWith("VM Thread") || thread.startsWith("GC") || thread.contains("Serial")) {
            return "VM thread and GC";
        }
        if (thread.startsWith("ForkJoinPool") || thread.startsWith("[unknown") || thread.isEmpty()) {
            return "request handling and other virtual-thread carriers";
        }
        return "other JVM and Helidon threads";
    }
}
