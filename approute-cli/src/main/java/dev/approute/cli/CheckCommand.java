package dev.approute.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problems;
import dev.approute.internal.runtime.AppAssembler;

@Command(name = "check", description = "Validate the app (approute.json, routes, conflicts, handlers, segment config); exit 1 listing every problem.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    AppOption app;

    @Override
    public Integer call() throws Exception {
        // Compile into a scratch folder: check never touches the app's .approute/.
        Path scratch = Files.createTempDirectory("approute-check");
        try {
            AppLayout layout = app.layout().withBuildDir(scratch);
            AppAssembler.Built built = new AppAssembler(layout).compileAndLoad();
            System.out.println("✓ no problems: " + built.entries().size() + " routes and pages");
            return 0;
        } catch (Problems problems) {
            System.err.println(problems.report());
            return 1;
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
