package dev.approute.internal.router;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RouteValidatorTest {
    @TempDir
    Path root;

    private List<Problem> validate(String... files) throws IOException {
        ConformanceCases.materialize(root, List.of(files));
        AppLayout layout = new AppLayout(root);
        ScanResult scan = AppScanner.scan(layout);
        assertThat(scan.problems()).isEmpty();
        return RouteValidator.validate(scan.entries(), layout);
    }

    private static String path(Path path) {
        return path.toString().replace('\\', '/');
    }

    @Test
    void routeAndPageThroughAGroupNameBothFilesAndAFix() throws IOException {
        assertThat(validate("app/(g)/x/page.html", "app/x/route.java")).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("Conflicting route and page at /x: route at /x/route and page at /(g)/x/page");
            assertThat(path(problem.file())).isEqualTo("app/x/route.java");
            assertThat(path(problem.other())).isEqualTo("app/(g)/x/page.html");
            assertThat(problem.fix()).contains("route.java or by a page");
        });
    }

    @Test
    void everyConflictIsReportedAtOnce() throws IOException {
        List<Problem> problems = validate(
                "app/(a)/api/route.java", "app/(b)/api/route.java",           // two routes through groups
                "app/things/[id]/route.java", "app/things/[slug]/edit/route.java", // SPEC 18.8
                "app/c/[...slug]/route.java", "app/c/[[...slug]]/route.java",      // SPEC 18.9
                "app/o/route.java", "app/o/[[...slug]]/route.java",                // same specificity
                "app/robots.java", "app/robots.txt/route.java",                    // route vs metadata
                "app/r/[id]/[id]/route.java");                                     // repeated slug
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("Conflicting routes at /api: route at /(b)/api/route and route at /(a)/api/route"))
                .anySatisfy(m -> assertThat(m).contains("You cannot use different slug names for the same dynamic path ('id' !== 'slug')")
                        .contains("app/things/[id]/route.java").contains("app/things/[slug]/edit/route.java"))
                .anySatisfy(m -> assertThat(m).contains("You cannot use both a required and optional catch-all route at the same level (\"[...slug]\" and \"[[...slug]]\")"))
                .anySatisfy(m -> assertThat(m).contains("same specificity as an optional catch-all route (\"/o\" and \"/o/[[...slug]]\")"))
                .anySatisfy(m -> assertThat(m).contains("Conflicting route and metadata at /robots.txt"))
                .anySatisfy(m -> assertThat(m).contains("You cannot have the same slug name \"id\" repeat within a single dynamic path in route \"/r/[id]/[id]\""));
        assertThat(problems).hasSize(6).allSatisfy(problem -> assertThat(problem.fix()).isNotBlank());
        assertThat(problems).filteredOn(problem -> problem.other() != null).hasSize(5)
                .allSatisfy(problem -> assertThat(problem.message()).contains(path(problem.file())).contains(path(problem.other())));
    }

    @Test
    void catchAllNotLastAndAmbiguousPatterns() throws IOException {
        List<Problem> problems = validate("app/docs/[...slug]/more/route.java", "app/blog/[id]/route.java", "app/blog/[slug]/route.java");
        assertThat(problems).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("Catch-all must be the last part of the URL in route \"/docs/[...slug]/more\""))
                .anySatisfy(m -> assertThat(m).contains("Ambiguous route pattern \"/blog/[*]\" matches multiple routes:\n  - /blog/[id]\n  - /blog/[slug]"));
        assertThat(problems).hasSize(2); // the ambiguous pair is not reported a second time as different slug names
    }

    @Test
    void aValidAppHasNoProblems() throws IOException {
        assertThat(validate("app/route.java", "app/api/[id]/route.java", "app/api/[...rest]/route.java", "app/api/users/route.java",
                "app/en/[slug]/route.java", "app/[lang]/about/route.java", "app/opt/[[...slug]]/route.java", "app/page.html/x.txt",
                "app/sitemap.java", "app/blog/sitemap.xml")).isEmpty();
    }
}
