package dev.approute.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.approute.internal.app.Problems;
import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.runtime.AppAssembler;
import dev.approute.internal.runtime.Prerenderer;

@Command(name = "build", description = "Compile every route into .approute/ and print the route table.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    AppOption app;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        try {
            AppAssembler.Built built = new AppAssembler(app.layout()).compileAndLoad();
            Prerenderer.Prerendered prerendered = Prerenderer.prerender(app.layout(), built);
            System.out.println("✓ compiled " + built.modules().size() + " routes in " + (System.nanoTime() - start) / 1_000_000
                    + "ms into " + app.layout().relative(app.layout().buildDir()) + "/\n");
            printWarnings(built, prerendered.warnings());
            System.out.print(RouteTablePrinter.table(app.layout(), built));
            if (!prerendered.rendered().isEmpty()) {
                System.out.println("\nprerendered into " + app.layout().relative(Prerenderer.cacheDir(app.layout())) + "/:");
                prerendered.rendered().forEach(line -> System.out.println("  " + line));
            }
            StartupCache startupCache = StartupCache.fromLauncher();
            if (startupCache != null) {
                startupCache.makeUnlessPresent(app.layout(), built.routes().table());
            }
            return 0;
        } catch (Problems problems) {
            System.err.println("⨯ build failed:\n\n" + problems.report());
            return 1;
        }
    }

    private void printWarnings(AppAssembler.Built built, List<String> prerenderWarnings) {
        List<String> warnings = new ArrayList<>();
        for (RouteModule module : built.modules()) {
            Path file = app.layout().relative(module.entry().file());
            module.warnings().forEach(warning -> warnings.add(file + ": " + warning));
        }
        warnings.addAll(prerenderWarnings);
        warnings.forEach(warning -> System.out.println("⚠ " + warning));
        if (!warnings.isEmpty()) {
            System.out.println();
        }
    }
}
