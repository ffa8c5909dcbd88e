package dev.approute.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.approute.internal.app.Problems;
import dev.approute.internal.cache.CacheStores;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.runtime.AppAssembler;
import dev.approute.internal.runtime.Prerenderer;

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
        AppAssembler.Built built;
        try {
            built = new AppAssembler(app.layout()).loadBuilt();
        } catch (Problems problems) {
            System.err.println("⨯ cannot start " + app.layout().root() + ":\n\n" + problems.report());
            return 1;
        }
        String url = cacheUrl != null ? cacheUrl : System.getenv("APPROUTE_CACHE_URL");
        ResponseCache cache;
        try {
            cache = Prerenderer.openCache(app.layout(), url, System.out::println);
        } catch (IllegalArgumentException e) {
            String source = cacheUrl != null ? "--cache-url" : "APPROUTE_CACHE_URL";
            System.err.println("⨯ " + source + " " + CacheStores.redacted(url) + ": " + e.getMessage()
                    + "\n    fix: set " + source + " to redis://host:6379/0, or leave it out to cache in this instance only");
            return 1;
        }
        return Serving.serve("start", app.layout(), serve, built::routes, cache);
    }
}
