package dev.approute.internal.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.approute.internal.app.AppLayout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** cases-normalize.json: app-file (through {@link AppScanner}) and normalizeAppPath ({@link AppPaths}). */
class NormalizeConformanceTest {
    /** Parallel slots (@x) and interception markers ((..)x) are refused with a Problem. */
    static final Set<String> UNSUPPORTED_FOLDER = Set.of("norm-013", "norm-014", "norm-030", "norm-070");
    /**
     * The scanner gives one URL per file: a sitemap.java with generateSitemaps moves to /sitemap/[__metadata_id__] when
     * it is loaded (MetadataRoutesHttpTest); generateImageMetadata is not supported (a build error).
     */
    static final Map<String, String> NO_GENERATED_IDS = Map.of("norm-042", "/product/sitemap.xml", "norm-057", "/icon");
    /** No djb2 suffix for metadata in a group: the file's own name is its URL (a clash is a build error instead). */
    static final Map<String, String> NO_GROUP_SUFFIX = Map.of("norm-068", "/opengraph-image", "norm-069", "/opengraph-image.png");

    static Stream<Arguments> appFile() {
        return ConformanceCases.arguments("cases-normalize.json", "app-file");
    }

    static Stream<Arguments> normalizeAppPath() {
        return ConformanceCases.arguments("cases-normalize.json", "normalizeAppPath");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void appFile(String id, JsonNode c, @TempDir Path root) throws IOException {
        String file = ConformanceCases.approuteFile(c.get("file").asText());
        ConformanceCases.materialize(root, List.of(file));
        ScanResult scan = AppScanner.scan(new AppLayout(root));
        JsonNode expect = c.get("expect");
        if (UNSUPPORTED_FOLDER.contains(id)) {
            assertThat(scan.entries()).isEmpty();
            assertThat(scan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.message()).containsAnyOf("Parallel route slots", "Intercepting routes").contains("approute does not have");
                assertThat(problem.fix()).isNotBlank();
            });
            return;
        }
        assertThat(scan.problems()).isEmpty();
        if (!expect.get("routable").asBoolean()) {
            assertThat(scan.entries()).isEmpty();
            return;
        }
        assertThat(scan.entries()).hasSize(1);
        AppEntry entry = scan.entries().get(0);
        assertThat(entry.file()).isEqualTo(root.resolve(file).toAbsolutePath().normalize());
        assertThat(entry.kind().name().toLowerCase()).isEqualTo(expect.get("kind").asText());
        if (NO_GENERATED_IDS.containsKey(id)) {
            assertThat(entry.pattern().toString()).isEqualTo(NO_GENERATED_IDS.get(id));
        } else if (NO_GROUP_SUFFIX.containsKey(id)) {
            assertThat(entry.pattern().toString()).isEqualTo(NO_GROUP_SUFFIX.get(id));
            assertThat(entry.appPath()).isEqualTo("/(marketing)" + NO_GROUP_SUFFIX.get(id) + "/route");
        } else {
            assertThat(entry.pattern().toString()).isEqualTo(expect.get("url").asText());
            assertThat(entry.appPath()).isEqualTo(expect.get("page").asText());
            assertThat(AppPaths.normalize(entry.appPath())).isEqualTo(expect.get("url").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void normalizeAppPath(String id, JsonNode c) {
        assertThat(AppPaths.normalize(c.get("input").asText())).isEqualTo(c.get("expect").asText());
    }
}
