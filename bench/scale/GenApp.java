// Generates an approute app of N route folders for the scale benchmarks (run with JDK 21+ as a single file):
//   java bench/scale/GenApp.java /tmp/app-1000 1000
// The mix per 20 folders: 8 static (2 of them in a route group), 5 [param], 1 nested [a]/[b], 2 [...catchall],
// 1 [[...optional]], 3 static with POST too. Every 7th folder has a colocated helper class, every 5th segment
// config (revalidate / dynamic / runtime / maxDuration), every 4th uses a shared class from src/.
// Each route's GET body holds a marker "gen-0" that bench/scale/dev-latency rewrites.
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class GenApp {
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path app = root.resolve("app");
        Path shared = root.resolve("src/bench/Shared.java");
        Files.createDirectories(shared.getParent());
        Files.writeString(shared, """
                package bench;

                import java.util.LinkedHashMap;
                import java.util.Map;

                public final class Shared {
                    private Shared() {
                    }

                    public static Map<String, Object> envelope(String route, Object data) {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("route", route);
                        body.put("data", data);
                        return body;
                    }
                }
                """);
        for (int i = 0; i < n; i++) {
            int kind = i % 20;
            String folder;
            String handler;
            if (kind < 6) {
                folder = "api/v" + (i % 4) + "/res" + i;
                handler = get(i, "Response.text(\"gen-0 res" + i + "\")");
            } else if (kind < 8) {
                folder = "(group" + (i % 3) + ")/grouped" + i;
                handler = get(i, "Response.text(\"gen-0 grouped" + i + "\")");
            } else if (kind < 13) {
                folder = "items" + i + "/[slug]";
                handler = getCtx(i, "Response.text(\"gen-0 item \" + ctx.params().get(\"slug\"))");
            } else if (kind < 14) {
                folder = "shop" + i + "/[tag]/[item]";
                handler = getCtx(i, "Response.json(Map.of(\"marker\", \"gen-0\", \"params\", ctx.params().toMap()))");
            } else if (kind < 16) {
                folder = "docs" + i + "/[...slug]";
                handler = getCtx(i, "Response.text(\"gen-0 docs \" + String.join(\"/\", ctx.params().getAll(\"slug\")))");
            } else if (kind < 17) {
                folder = "opt" + i + "/[[...slug]]";
                handler = getCtx(i, "Response.text(\"gen-0 opt \" + ctx.params().getAll(\"slug\"))");
            } else {
                folder = "api/forms/f" + i;
                handler = get(i, "Response.text(\"gen-0 form" + i + "\")") + """

                            static Response POST(Request request) throws Exception {
                                Map<?, ?> data = request.json(Map.class);
                                return Response.json(Map.of("received", data.size()), init -> init.status(201));
                            }
                        """;
            }
            StringBuilder route = new StringBuilder();
            route.append("// generated route ").append(i).append("\nimport dev.approute.*;\nimport java.util.*;\n\nclass Route {\n");
            if (i % 5 == 0) {
                route.append(switch ((i / 5) % 4) {
                    case 0 -> "    static final int revalidate = 60;\n";
                    case 1 -> "    static final String dynamic = \"force-dynamic\";\n";
                    case 2 -> "    static final String runtime = \"nodejs\";\n    static final int maxDuration = 30;\n";
                    default -> "    static final boolean revalidate = false;\n    static final String fetchCache = \"default-no-store\";\n";
                });
            }
            route.append(handler);
            if (i % 7 == 0) {
                route.append("""

                            static String helped() {
                                return Helper.describe("%d");
                            }
                        """.formatted(i));
            }
            if (i % 4 == 0) {
                route.append("""

                            static Object shared() {
                                return bench.Shared.envelope("%d", List.of(1, 2, 3));
                            }
                        """.formatted(i));
            }
            route.append("}\n");
            Path dir = app.resolve(folder);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("route.java"), route);
            if (i % 7 == 0) {
                Files.writeString(dir.resolve("Helper.java"), """
                        // colocated helper: compiled with the route, not a route itself
                        import java.util.*;

                        final class Helper {
                            private Helper() {
                            }

                            static String describe(String id) {
                                return "route " + id + " at " + List.of(id).size();
                            }
                        }
                        """);
            }
        }
        System.out.println("generated " + n + " route folders in " + app);
    }

    private static String get(int i, String expression) {
        return "    static Response GET() {\n        return " + expression + ";\n    }\n";
    }

    private static String getCtx(int i, String expression) {
        return "    static Response GET(Request request, RouteContext ctx) {\n        return " + expression + ";\n    }\n";
    }
}
