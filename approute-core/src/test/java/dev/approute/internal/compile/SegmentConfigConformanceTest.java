package dev.approute.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.approute.internal.app.Problem;
import dev.approute.internal.json.Json;

/**
 * Next.js 16.4.6's segment-config cases (see src/test/resources/conformance/segment-config/README.md), each compiled
 * as a real route.java; all of them in one javac run.
 */
class SegmentConfigConformanceTest {
    private static final String DIR = "/conformance/segment-config/";
    private static final List<String> ENUMS = List.of("dynamic", "fetchCache", "runtime");

    /** One case as a Java route: its source, and what approute must do with it. */
    record Port(String id, String kind, String java, boolean valid, Map<String, Object> parsed, List<String> fields) {
        @Override
        public String toString() {
            return id + " (" + kind + ")";
        }
    }

    @TempDir
    static Path root;
    private static CompileResult result;
    private static TestApp app;

    static List<Map<String, Object>> recorded() {
        return read("cases-segment-config.json").get("cases") instanceof List<?> list ? cast(list) : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> ports() {
        return (Map<String, Object>) (Map<?, ?>) read("java-ports.json");
    }

    @SuppressWarnings("unchecked")
    static Stream<Port> cases() {
        Map<String, Object> ports = ports();
        Map<String, Map<String, Object>> sources = (Map<String, Map<String, Object>>) ports.get("sources");
        List<String> runtimeRevalidate = (List<String>) ports.get("ported_runtime_revalidate");
        List<Port> out = new ArrayList<>();
        for (Map<String, Object> c : recorded()) {
            String id = (String) c.get("id");
            String kind = (String) c.get("kind");
            Map<String, Object> expect = (Map<String, Object>) c.get("expect");
            switch (kind) {
                case "schema" -> {
                    Object option = c.get("option");
                    Map<String, Object> values = new LinkedHashMap<>();
                    if ("(multiple)".equals(option) || "(unknown keys)".equals(option)) {
                        values.putAll((Map<String, Object>) c.get("value"));
                    } else if (option != null) {
                        values.put((String) option, c.get("value"));
                    }
                    boolean valid = (Boolean) expect.get("valid");
                    List<String> fields = values.keySet().stream().filter(SegmentConfigParser::isConfigName).toList();
                    out.add(new Port(id, kind, javaFields(values), valid,
                            valid ? (Map<String, Object>) expect.get("parsed") : Map.of(), fields));
                }
                case "runtime-revalidate" -> {
                    if (runtimeRevalidate.contains(id)) {
                        boolean valid = (Boolean) expect.get("valid");
                        Object value = c.get("value");
                        boolean undefined = value instanceof Map<?, ?> js && "undefined".equals(js.get("js"));
                        Map<String, Object> values = undefined ? Map.of() : Map.of("revalidate", value);
                        Map<String, Object> parsed = valid && !undefined ? Map.of("revalidate", value) : Map.of();
                        out.add(new Port(id, kind, javaFields(values), valid, parsed, undefined ? List.of() : List.of("revalidate")));
                    }
                }
                case "static-analysis", "turbopack-parse" -> {
                    Map<String, Object> port = sources.get(id);
                    if (port != null) {
                        boolean valid = (Boolean) port.get("java_valid");
                        Map<String, Object> parsed = (Map<String, Object>) port.getOrDefault("parsed", Map.of());
                        out.add(new Port(id, kind, (String) port.get("java"), valid, parsed, List.of((String) port.get("field"))));
                    }
                }
                default -> {
                    // not applicable kinds: everyRecordedCaseIsPortedOrExplained checks they are listed with a reason
                }
            }
        }
        return out.stream();
    }

    @BeforeAll
    static void compileEveryCaseInOneRun() {
        app = new TestApp(root);
        cases().forEach(port -> app.route("cases/" + folder(port), routeSource(port)));
        result = new AppCompiler(app.layout).compileAll(app.entries());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void behavesAsRecorded(Port port) {
        String file = "app/cases/" + folder(port) + "/route.java";
        List<Problem> problems = result.problems().stream()
                .filter(p -> p.file().toString().replace('\\', '/').equals(file)).toList();
        var compiled = result.routes().stream().filter(r -> r.entry().pattern().toString().equals("/cases/" + folder(port))).findFirst();
        if (port.valid()) {
            assertThat(problems).as("problems of %s", port).isEmpty();
            assertThat(compiled).as("compiled %s", port).isPresent();
            Map<String, Object> actual = SegmentConfigParser.values(compiled.get().config());
            port.parsed().forEach((key, expected) -> {
                Object normal = key.equals("preferredRegion") && expected instanceof String s ? List.of(s) : expected;
                assertThat(actual.get(key)).as("%s of %s", key, port).isEqualTo(normal);
            });
            if (port.parsed().isEmpty()) {
                assertThat(compiled.get().config()).isEqualTo(SegmentConfig.DEFAULTS);
            }
        } else {
            assertThat(compiled).as("compiled %s", port).isEmpty();
            assertThat(port.fields()).isNotEmpty();
            String source = routeSource(port);
            for (String field : port.fields()) {
                int line = lineOf(source, field);
                assertThat(problems).as("a problem for `%s` at line %d of %s", field, line, port).anySatisfy(problem -> {
                    assertThat(problem.line()).isEqualTo(line);
                    assertThat(problem.message()).contains("`" + field + "`");
                    assertThat(problem.fix()).isNotBlank();
                    if (ENUMS.contains(field) && !problem.message().contains("must be a constant")) {
                        for (String allowed : allowed(field)) {
                            assertThat(problem.message()).contains("\"" + allowed + "\"");
                        }
                    }
                });
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRecordedCaseIsPortedOrExplainedAsNotApplicable() {
        Map<String, Object> notApplicable = (Map<String, Object>) ports().get("not_applicable");
        Map<String, String> kinds = (Map<String, String>) notApplicable.get("kinds");
        Map<String, String> ids = (Map<String, String>) notApplicable.get("cases");
        Set<String> ported = new HashSet<>(cases().map(Port::id).toList());
        List<String> unexplained = new ArrayList<>();
        for (Map<String, Object> c : recorded()) {
            String id = (String) c.get("id");
            String reason = kinds.containsKey(c.get("kind")) ? kinds.get(c.get("kind")) : ids.get(id);
            if (ported.contains(id) == (reason != null)) {
                unexplained.add(id + (reason != null ? " is both ported and listed as not applicable" : " is neither ported nor explained"));
            }
            if (reason != null) {
                assertThat(reason).as(id).hasSizeGreaterThan(20);
            }
        }
        assertThat(unexplained).isEmpty();
        assertThat(ported).hasSizeGreaterThan(60);
    }

    private static List<String> allowed(String field) {
        return switch (field) {
            case "dynamic" -> SegmentConfigParser.DYNAMIC;
            case "fetchCache" -> SegmentConfigParser.FETCH_CACHE;
            default -> SegmentConfigParser.RUNTIME;
        };
    }

    private static String folder(Port port) {
        return port.id().replace('-', '_');
    }

    private static String routeSource(Port port) {
        return "class Route {\n    " + port.java() + "\n    static Response GET() { return Response.json(Map.of(\"ok\", true)); }\n}\n";
    }

    private static int lineOf(String source, String field) {
        Pattern declaration = Pattern.compile("\\b" + Pattern.quote(field) + "\\s*=");
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (declaration.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        throw new AssertionError(field + " not declared in\n" + source);
    }

    /** Each value as the {@code static final} field a Java user would write. */
    private static String javaFields(Map<String, Object> values) {
        List<String> fields = new ArrayList<>();
        values.forEach((name, value) -> fields.add(javaField(name, value)));
        return String.join("\n    ", fields);
    }

    private static String javaField(String name, Object value) {
        return "static final " + switch (value) {
            case null -> "String " + name + " = null;";
            case String s -> "String " + name + " = \"" + s + "\";";
            case Boolean b -> "boolean " + name + " = " + b + ";";
            case Integer i -> "int " + name + " = " + i + ";";
            case Long l -> "long " + name + " = " + l + "L;";
            case Double d -> "double " + name + " = " + d + ";";
            case List<?> list when list.stream().allMatch(String.class::isInstance) ->
                    "String[] " + name + " = {" + String.join(", ", list.stream().map(v -> "\"" + v + "\"").toList()) + "};";
            case List<?> list -> "int[] " + name + " = {" + String.join(", ", list.stream().map(String::valueOf).toList()) + "};";
            case Map<?, ?> js when "NaN".equals(js.get("js")) -> "double " + name + " = 0.0 / 0;";
            case Map<?, ?> js when "Infinity".equals(js.get("js")) -> "double " + name + " = Double.POSITIVE_INFINITY;";
            default -> throw new IllegalArgumentException("no Java form for " + value);
        };
    }

    private static Map<String, Object> read(String name) {
        try (InputStream in = SegmentConfigConformanceTest.class.getResourceAsStream(DIR + name)) {
            assertThat(in).as(DIR + name).isNotNull();
            return Json.mapper().readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cast(List<?> list) {
        return (List<Map<String, Object>>) list;
    }
}
