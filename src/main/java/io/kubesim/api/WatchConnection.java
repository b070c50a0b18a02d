package io.kubesim.api;

import io.kubesim.registry.ApiWatch;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One open watch, whatever carries it (a streaming HTTP response or a WebSocket): events are drained on the shared
 * writer pool when the watch has some and the transport can take them; the deadline sends a last bookmark and then
 * ends the connection. Subclasses say when they can write, how they write, and how they end.
 */
abstract class WatchConnection {

    /** How long a connection past its deadline may take to send its last bookmark. */
    private static final long LAST_BOOKMARK_SECONDS = 5;

    protected final ApiWatch watch;
    protected final Function<ApiWatch.Event, byte[]> encoder;
    private final ExecutorService writers;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean expiring;
    private volatile Runnable onFinish = () -> { };
    private volatile Timer delivery;
    private volatile ScheduledFuture<?> deadline;

    WatchConnection(ApiWatch watch, Function<ApiWatch.Event, byte[]> encoder, ExecutorService writers,
                    ScheduledExecutorService timer) {
        this.watch = watch;
        this.encoder = encoder;
        this.writers = writers;
        this.timer = timer;
    }

    /**
     * Starts delivering: events are drained from now on, and the connection ends after {@code seconds}. Each live
     * event written is observed in {@code delivery} (commit to written).
     */
    final void start(long seconds, Runnable whenFinished, Timer delivery) {
        this.onFinish = whenFinished;
        this.delivery = delivery;
        deadline = timer.schedule(this::expire, seconds, TimeUnit.SECONDS);
        watch.onAvailable(this::schedule);
        schedule();
    }

    /** Whether the transport can take an event now. */
    abstract boolean canWrite();

    /** Writes what the watch has and the transport takes; called on a writer thread. */
    abstract void drain();

    /** Closes the transport (once, after the watch is closed). */
    abstract void end();

    final void schedule() {
        if (canWrite() && !finished.get() && scheduled.compareAndSet(false, true)) {
            try {
                writers.execute(this::run);
            } catch (RuntimeException e) {
                scheduled.set(false);
                finish();
            }
        }
    }

    private void run() {
        scheduled.set(false);
        if (!finished.get()) {
            drain();
        }
    }

    /**
     * The next event, or null when none is ready; when none is left and the deadline passed or the watch was closed,
     * the connection is finished first.
     */
    final ApiWatch.Event next() {
        ApiWatch.Event e = watch.poll();
        if (e == null && (expiring || watch.isClosed())) {
            finish();
        }
        return e;
    }

    /** Observes an event just written to the transport: a live change's time since its commit. */
    final void written(ApiWatch.Event e) {
        Timer d = delivery;
        if (d != null && e.live()) {
            d.record(System.nanoTime() - e.committedAt(), TimeUnit.NANOSECONDS);
        }
    }

    final boolean finished() {
        return finished.get();
    }

    /** The deadline: a last bookmark (for watchers that want them), then a clean end. */
    private void expire() {
        expiring = true;
        watch.requestBookmark();
        schedule();
        timer.schedule(this::finish, LAST_BOOKMARK_SECONDS, TimeUnit.SECONDS);
    }

    final void finish() {
        if (finished.compareAndSet(false, true)) {
            onFinish.run();
            watch.close();
            ScheduledFuture<?> d = deadline;
            if (d != null) {
                d.cancel(false);
            }
            end();
        }
    }

    /** Runs {@code task} on the writer pool (for blocking work such as a WebSocket close handshake). */
    final void onWriter(Runnable task) {
        try {
            writers.execute(task);
        } catch (RuntimeException e) {
            task.run();
        }
    }
}
