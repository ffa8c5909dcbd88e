package dev.approute.internal.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Loads the recorded Next.js routing cases (see src/test/resources/conformance/routing/README.md). */
final class ConformanceCases {
    private static final Path DIR = Path.of("src/test/resources/conformance/routing");

    private ConformanceCases() {
    }

    static List<JsonNode> load(String file, String kind) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(DIR.resolve(file)));
            List<JsonNode> cases = new ArrayList<>();
            for (JsonNode node : root.get("cases")) {
                String nodeKind = node.has("kind") ? node.get("kind").asText() : node.path("algorithm").asText();
                if (kind == null || kind.equals(nodeKind)) {
                    cases.add(node);
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JUnit argument set per case: (id, case). */
    static Stream<Arguments> arguments(String file, String kind) {
        List<JsonNode> cases = load(file, kind);
        if (cases.isEmpty()) {
            throw new IllegalStateException("no cases of kind " + kind + " in " + file);
        }
        return cases.stream().map(node -> Arguments.of(node.get("id").asText(), node));
    }

    /** {@code app/x/route.ts} as approute names it: {@code app/x/route.java}; pages become {@code page.html}. */
    static String approuteFile(String nextFile) {
        String file = nextFile;
        int space = file.indexOf(" (");
        if (space > 0) {
            file = file.substring(0, space); // "app/product/sitemap.js (generateSitemaps -> ids 0,1)"
        }
        if (file.endsWith(".d.ts")) {
            return file;
        }
        int slash = file.lastIndexOf('/');
        int dot = file.lastIndexOf('.');
        if (dot <= slash) {
            return file;
        }
        String base = file.substring(slash + 1, dot);
        String ext = file.substring(dot + 1);
        if (!List.of("ts", "tsx", "js", "jsx").contains(ext)) {
            return file;
        }
        return file.substring(0, dot) + (base.equals("page") ? ".html" : ".java");
    }

    /** Writes each file (an empty placeholder) below {@code root}. */
    static void materialize(Path root, List<String> files) throws IOException {
        for (String file : files) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "");
        }
    }

    /** Next's params JSON as approute's {@link dev.approute.Params#toMap()}: null (absent) keys dropped. */
    static Map<String, Object> params(JsonNode params) {
        Map<String, Object> out = new TreeMap<>();
        if (params == null || params.isNull()) {
            return out;
        }
        params.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> list = new ArrayList<>();
                value.forEach(item -> list.add(item.asText()));
                out.put(field.getKey(), list);
            } else if (!value.isNull()) {
                out.put(field.getKey(), value.asText());
            }
        });
        return out;
    }

    /**
     * Next's messages with its grammar slips and their corrected variants made equal ("an required", "a optional",
     * the stray space before ')'), so approute may word them correctly and still be checked against Next's text.
     */
    static String wording(String message) {
        return message.replace("an required", "a required").replace("a optional", "an optional").replace("\" ).", "\").");
    }
}
