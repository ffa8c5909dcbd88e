package dev.approute.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problems;
import dev.approute.internal.runtime.AppAssembler;
import dev.approute.internal.runtime.AppRoutes;
import dev.approute.internal.runtime.Prerenderer;

@Command(name = "start", description = "Serve what `build` wrote to .approute/ (no compiler involved).")
final class StartCommand implements Callable<Integer> {
    @Mixin
    AppOption app;

    @Mixin
    ServeOptions serve;

    /** {@link #call} as picocli's {@code execute} runs it: an exception is printed and the exit code is 1. */
    int runWithoutPicocli() {
        try {
            return call();
        } catch (RuntimeException e) {
            e.printStackTrace();
            return 1;
        }
    }

    @Override
    public Integer call() {
        AppLayout layout = app.layout();
        // Reading the build (manifest, source hashes, route classes, Jackson's first use) does not need Helidon, and
        // setting Helidon up does not need the routes: they overlap, and the server listens once both are done.
        CompletableFuture<AppAssembler.Built> loading = new CompletableFuture<>();
        Thread.ofPlatform().name("approute-load").start(() -> {
            try {
                loading.complete(new AppAssembler(layout).loadBuilt());
            } catch (Throwable e) {
                loading.completeExceptionally(e);
            }
        });
        AtomicReference<AppRoutes> routes = new AtomicReference<>();
        return Serving.serve("start", layout, serve, routes::get, Prerenderer.openCache(layout), () -> {
            try {
                routes.set(loading.join().routes());
                return true;
            } catch (CompletionException e) {
                if (e.getCause() instanceof Problems problems) {
                    System.err.println("⨯ cannot start " + layout.root() + ":\n\n" + problems.report());
                    return false;
                }
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        });
    }
}
