package dev.approute.internal.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** cases-conflicts.json: files (scan + validate a real folder) and normalized_app_paths (materialised as route folders). */
class ConflictsConformanceTest {
    /** Interception routes are refused (a Problem), whatever Next decides for them. */
    static final Set<String> INTERCEPTION = Set.of("conf-036", "conf-037", "conf-049", "conf-050", "conf-051", "conf-052",
            "conf-053", "conf-054", "conf-055", "conf-057", "conf-058");
    /** sitemap.java beside sitemap.xml: Next lets one silently win; approute reports the clash. */
    static final Set<String> METADATA_CLASH = Set.of("conf-014");
    /** approute has no public/ folder: the file is not part of the route set. */
    static final Set<String> NO_PUBLIC_DIR = Set.of("conf-040");

    static Stream<Arguments> files() {
        return ConformanceCases.arguments("cases-conflicts.json", "files");
    }

    static Stream<Arguments> normalizedAppPaths() {
        return ConformanceCases.arguments("cases-conflicts.json", "normalized_app_paths");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void files(String id, JsonNode c, @TempDir Path root) throws IOException {
        List<String> files = new ArrayList<>();
        c.get("files").forEach(file -> files.add(ConformanceCases.approuteFile(file.asText())));
        check(id, c.get("expect"), root, files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void normalizedAppPaths(String id, JsonNode c, @TempDir Path root) throws IOException {
        List<String> files = new ArrayList<>();
        c.get("app_paths").forEach(path -> files.add("app" + path.asText() + "/route.java"));
        check(id, c.get("expect"), root, files);
    }

    /** "Ambiguous ... matches multiple routes:" lists routes in input order (Next) or discovery order (approute). */
    private static String listsSorted(String message) {
        List<String> lines = new ArrayList<>(List.of(message.split("\n", -1)));
        int i = 0;
        while (i < lines.size()) {
            int j = i;
            while (j < lines.size() && lines.get(j).startsWith("  - ")) {
                j++;
            }
            lines.subList(i, j).sort(null);
            i = Math.max(j, i + 1);
        }
        return String.join("\n", lines);
    }

    private static void check(String id, JsonNode expect, Path root, List<String> files) throws IOException {
        ConformanceCases.materialize(root, files);
        AppLayout layout = new AppLayout(root);
        ScanResult scan = AppScanner.scan(layout);
        List<Problem> problems = new ArrayList<>(scan.problems());
        problems.addAll(RouteValidator.validate(scan.entries(), layout));
        String messages = listsSorted(ConformanceCases.wording(problems.stream().map(Problem::message).collect(Collectors.joining("\n---\n"))));

        if (INTERCEPTION.contains(id)) {
            assertThat(messages).contains("Intercepting routes").contains("approute does not have");
            return;
        }
        if (METADATA_CLASH.contains(id)) {
            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.message()).contains("Conflicting metadata at /sitemap.xml")
                        .contains("app/sitemap.java").contains("app/sitemap.xml");
                assertThat(problem.other()).isNotNull();
            });
            return;
        }
        if (NO_PUBLIC_DIR.contains(id) || expect.get("result").asText().equals("ok")) {
            assertThat(problems).isEmpty();
            return;
        }
        assertThat(problems).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).isNotNull();
            assertThat(problem.fix()).isNotBlank();
        });
        if (expect.has("error")) {
            assertThat(messages).contains(listsSorted(ConformanceCases.wording(expect.get("error").asText())));
        } else if (expect.has("error_exact")) {
            assertThat(messages).contains(listsSorted(ConformanceCases.wording(expect.get("error_exact").asText())));
        } else if (expect.has("error_regex")) {
            int flags = expect.path("flags").asText().contains("i") ? Pattern.CASE_INSENSITIVE : 0;
            assertThat(Pattern.compile(expect.get("error_regex").asText(), flags).matcher(messages).find())
                    .as("%s matches /%s/", messages, expect.get("error_regex").asText()).isTrue();
        } else {
            assertThat(messages).contains(listsSorted(ConformanceCases.wording(expect.get("error_exact_next").asText())));
        }
        // Conflicts between two files name both of them.
        problems.stream().filter(problem -> problem.other() != null).forEach(problem -> assertThat(problem.message())
                .contains(problem.file().toString().replace('\\', '/')).contains(problem.other().toString().replace('\\', '/')));
    }
}
