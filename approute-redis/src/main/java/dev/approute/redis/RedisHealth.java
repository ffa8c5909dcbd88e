package dev.approute.redis;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether Redis answered lately. After a failure, reads and writes skip Redis for a short pause (they would only wait
 * for the same timeout again), so an outage costs each request nothing and logs one warning, not one per request;
 * after the pause the next request tries again, and the first success logs that the shared cache is back.
 *
 * <pre>{@code
 * RedisHealth health = new RedisHealth("redis://cache:6379/0", Duration.ofSeconds(1).toNanos());
 * if (health.worthTrying()) { try { ...; health.succeeded(); } catch (JedisException e) { health.failed("get", e); } }
 * }</pre>
 */
final class RedisHealth {
    private static final System.Logger LOG = System.getLogger("dev.approute.cache");

    private final String address;
    private final long pauseNanos;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong retryAt = new AtomicLong();

    RedisHealth(String address, long pauseNanos) {
        this.address = address;
        this.pauseNanos = pauseNanos;
    }

    /** False during the pause after a failure: answer without Redis (a MISS, a write dropped). */
    boolean worthTrying() {
        return !down.get() || System.nanoTime() - retryAt.get() >= 0;
    }

    boolean isDown() {
        return down.get();
    }

    void succeeded() {
        if (down.compareAndSet(true, false)) {
            LOG.log(Level.INFO, "Redis at " + address + " answers again: the shared cache is back in use");
        }
    }

    void failed(String operation, RuntimeException error) {
        retryAt.set(System.nanoTime() + pauseNanos);
        if (down.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "Redis at " + address + " failed on " + operation + " (" + describe(error)
                    + "): serving without the shared cache (cached routes render on each request, MISS) until it"
                    + " answers again; retrying every " + pauseNanos / 1_000_000 + " ms");
        }
    }

    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(": ").append(message);
            }
        }
        return text.toString();
    }
}
