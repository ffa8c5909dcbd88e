package dev.approute.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.approute.internal.app.Problems;
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
            List<String> prerendered = Prerenderer.prerender(app.layout(), built);
            System.out.println("✓ compiled " + built.modules().size() + " routes in " + (System.nanoTime() - start) / 1_000_000
                    + "ms into " + app.layout().relative(app.layout().buildDir()) + "/\n");
            System.out.print(RouteTablePrinter.table(app.layout(), built));
            if (!prerendered.isEmpty()) {
                System.out.println("\nprerendered into " + app.layout().relative(Prerenderer.cacheDir(app.layout())) + "/:");
                prerendered.forEach(line -> System.out.println("  " + line));
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
}
