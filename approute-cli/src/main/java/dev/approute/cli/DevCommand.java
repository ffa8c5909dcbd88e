package dev.approute.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.approute.internal.runtime.DevRoutes;

@Command(name = "dev", description = "Serve the app, recompiling changed files before the next request.")
final class DevCommand implements Callable<Integer> {
    @Mixin
    AppOption app;

    @Mixin
    ServeOptions serve;

    @Override
    public Integer call() throws Exception {
        try (DevRoutes routes = new DevRoutes(app.layout(), System.out::println)) {
            return Serving.serve("dev", app.layout(), serve, () -> new Serving.Served(routes, null));
        }
    }
}
