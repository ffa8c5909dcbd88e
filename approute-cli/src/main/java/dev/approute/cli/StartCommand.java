package dev.approute.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.approute.internal.app.Problems;
import dev.approute.internal.runtime.AppAssembler;
import dev.approute.internal.runtime.Prerenderer;

@Command(name = "start", description = "Serve what `build` wrote to .approute/ (no compiler involved).")
final class StartCommand implements Callable<Integer> {
    @Mixin
    AppOption app;

    @Mixin
    ServeOptions serve;

    @Override
    public Integer call() {
        AppAssembler.Built built;
        try {
            built = new AppAssembler(app.layout()).loadBuilt();
        } catch (Problems problems) {
            System.err.println("⨯ cannot start " + app.layout().root() + ":\n\n" + problems.report());
            return 1;
        }
        return Serving.serve("start", app.layout(), serve, built::routes, Prerenderer.openCache(app.layout()));
    }
}
