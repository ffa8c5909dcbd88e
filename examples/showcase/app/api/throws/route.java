// A handler that throws.
import dev.approute.*;
import java.util.concurrent.*;

class Route {
    static Response GET() {
        throw new RuntimeException("boom from GET");
    }

    // Next: throw 'a thrown string'
    static Response POST() {
        throw new RuntimeException("a thrown string");
    }

    // Next: an async rejection after 5 ms.
    static CompletionStage<Response> PUT() {
        return CompletableFuture.supplyAsync(() -> {
            throw new IllegalArgumentException("async rejection");
        }, CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS));
    }
}
