package dev.approute.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problems;
import dev.approute.internal.cache.CacheStores;
import dev.approute.internal.runtime.AppAssembler;
import dev.approute.internal.runtime.Prerenderer;
import dev.approute.internal.server.HttpServer;

@Command(name = "start", description = "Serve what `build` wrote to .approute/ (no compiler involved).")
final class StartCommand implements Callable<Integer> {
    @Mixin
    AppOption app;

    @Mixin
    ServeOptions serve;

    @Option(names = "--cache-url", paramLabel = "<url>",
            description = {"One response cache for all instances, in Redis:",
                    "  redis://host:6379/0?prefix=myapp:",
                    "Default: $APPROUTE_CACHE_URL; none: each instance caches alone."})
    String cacheUrl;

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
        return Serving.serve("start", app.layout(), serve, loadingBuild(app.layout()));
    }

    /** The server listening, or null when the app cannot start (having said why). */
    HttpServer listen() {
        return Serving.listen("start", app.layout(), serve, loadingBuild(app.layout()));
    }

    private Supplier<Serving.Served> loadingBuild(AppLayout layout) {
        // Reading the build (manifest, route classes, Jackson's first use) needs no Helidon, and setting Helidon up
        // needs no routes: they overlap, and the server listens once both are done.
        CompletableFuture<AppAssembler.Built> loading = new CompletableFuture<>();
        Thread.ofPlatform().name("approute-load").daemon().start(() -> {
            try {
                loading.complete(new AppAssembler(layout).loadBuilt());
            } catch (Throwable e) {
                loading.completeExceptionally(e);
            }
        });
        return () -> served(layout, loading);
    }

    /** The loaded build and its cache, or null (having said why) when this app cannot start. */
    private Serving.Served served(AppLayout layout, CompletableFuture<AppAssembler.Built> loading) {
        AppAssembler.Built built;
        try {
            built = loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Problems problems) {
                System.err.println("⨯ cannot start " + layout.root() + ":\n\n" + problems.report());
                return null;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        // Opened only for a build that loads: a shared store is seeded from it.
        String url = cacheUrl != null ? cacheUrl : System.getenv("APPROUTE_CACHE_URL");
        try {
            return new Serving.Served(built::routes, Prerenderer.openCache(layout, url, System.out::println));
        } catch (IllegalArgumentException e) {
            String source = cacheUrl != null ? "--cache-url" : "APPROUTE_CACHE_URL";
            System.err.println("⨯ " + source + " " + CacheStores.redacted(url) + ": " + e.getMessage()
                    + "\n    fix: set " + source + " to redis://host:6379/0, or leave it out to cache in this instance only");
            return null;
        }
    }
}
