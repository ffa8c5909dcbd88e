package dev.approute.internal.router;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AppScannerTest {
    @TempDir
    Path root;

    private ScanResult scan(String... files) throws IOException {
        ConformanceCases.materialize(root, List.of(files));
        return AppScanner.scan(new AppLayout(root));
    }

    @Test
    void foldersBecomeSegmentsInSortedOrder() throws IOException {
        ScanResult scan = scan("app/(api)/grouped/route.java", "app/items/[slug]/route.java", "app/items/[slug]/Helper.java",
                "app/x/page.html", "app/%5Funder/route.java", "app/_lib/route.java", "app/api/_util/Db.java",
                "app/rss.xml/route.java", "app/Case/route.java", "app/docs/[[...path]]/route.java", "app/_hidden.java",
                "app/sitemap.java", "app/robots.txt", "app/blog/opengraph-image.png", "app/blog/robots.java");
        assertThat(scan.problems()).isEmpty();
        // Sorted by the folder's own name: "%5Funder" sorts before "(api)".
        assertThat(scan.entries()).extracting(AppEntry::kind, AppEntry::appPath, entry -> entry.pattern().toString()).containsExactly(
                tuple(EntryKind.ROUTE, "/_under/route", "/_under"),
                tuple(EntryKind.ROUTE, "/(api)/grouped/route", "/grouped"),
                tuple(EntryKind.ROUTE, "/Case/route", "/Case"),
                tuple(EntryKind.METADATA, "/blog/opengraph-image.png/route", "/blog/opengraph-image.png"),
                tuple(EntryKind.ROUTE, "/docs/[[...path]]/route", "/docs/[[...path]]"),
                tuple(EntryKind.ROUTE, "/items/[slug]/route", "/items/[slug]"),
                tuple(EntryKind.METADATA, "/robots.txt/route", "/robots.txt"),
                tuple(EntryKind.ROUTE, "/rss.xml/route", "/rss.xml"),
                tuple(EntryKind.METADATA, "/sitemap.xml/route", "/sitemap.xml"),
                tuple(EntryKind.PAGE, "/x/page", "/x"));
        assertThat(scan.entries().get(5).folder()).isEqualTo(root.resolve("app/items/[slug]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[[slug]]     | Optional route parameters are not yet supported",
            "[...]        | Parameter names cannot be empty",
            "[]           | Parameter names cannot be empty",
            "[[[...x]]]   | extra brackets",
            "[.x]         | erroneous periods",
            "[\u2026x]    | three-dot character",
            "a[x]b        | mixes text and a dynamic segment",
            "[foo-bar]    | not a Java identifier",
            "(.)photo     | Intercepting routes",
            "(..)photo    | Intercepting routes",
            "(...)photo   | Intercepting routes",
            "@modal       | Parallel route slots",
    })
    void malformedFolderNamesAreProblemsNamingTheFolderAndAFix(String folder, String message) throws IOException {
        ScanResult scan = scan("app/api/" + folder + "/route.java", "app/ok/route.java");
        assertThat(scan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains(message);
            assertThat(problem.file().toString().replace('\\', '/')).isEqualTo("app/api/" + folder);
            assertThat(problem.fix()).isNotBlank();
        });
        assertThat(scan.entries()).extracting(entry -> entry.pattern().toString()).contains("/ok");
    }

    @Test
    void missingAppFolderIsAProblem() {
        assertThat(AppScanner.scan(new AppLayout(root)).problems()).singleElement()
                .extracting(Problem::message).asString().contains("no app/ folder");
    }
}
