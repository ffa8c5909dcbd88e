package dev.approute.internal.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One background thread that looks at every wait on a client (a header section, a body read) a few times a second
 * and cuts the ones that are overdue. Helidon 4.5 never times out a blocked read, so without this a client that
 * stops sending (or trickles) holds its connection and thread forever.
 *
 * <pre>{@code
 * StallWatch watch = StallWatch.start();
 * watch.add(wait);      // wait.overdue(now) is polled; wait.cut() runs once when it says true
 * watch.remove(wait);   // the client delivered
 * }</pre>
 */
final class StallWatch implements AutoCloseable {
    // Timeouts are seconds long; a quarter second of lateness is the price of one sweep for all connections.
    private static final long SWEEP_MILLIS = 250;

    /** A wait on a client. */
    interface Wait {
        boolean overdue(long nowNanos);

        /** Ends the wait (closes or interrupts); called once, from the watch thread. */
        void cut();
    }

    private final Set<Wait> waits = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;

    private StallWatch() {
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("approute-stall-watch").factory());
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    static StallWatch start() {
        return new StallWatch();
    }

    void add(Wait wait) {
        waits.add(wait);
    }

    void remove(Wait wait) {
        waits.remove(wait);
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Wait wait : waits) {
            if (wait.overdue(now) && waits.remove(wait)) {
                try {
                    wait.cut();
                } catch (RuntimeException ignored) {
                    // a connection that is already gone cannot be cut; the sweeper must survive it
                }
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
