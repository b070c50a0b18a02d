package io.kubesim.controller;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * client-go's work queue: a key waiting more than once is queued once; a key being processed is
 * never handed to a second worker, and if it is added meanwhile it is queued again when done.
 * Delayed adds and per-key exponential back-off for failures.
 */
public final class WorkQueue {

    private static final long BASE_BACKOFF_MS = 5;
    private static final long MAX_BACKOFF_MS = 60_000;

    private final LinkedHashSet<String> queue = new LinkedHashSet<>();
    private final Set<String> processing = new HashSet<>();
    private final Set<String> dirty = new HashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final ScheduledExecutorService timer;
    private boolean shutdown;

    public WorkQueue(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public synchronized void add(String key) {
        if (shutdown) {
            return;
        }
        if (processing.contains(key)) {
            dirty.add(key);
            return;
        }
        if (queue.add(key)) {
            notify();
        }
    }

    public void addAfter(String key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
            return;
        }
        timer.schedule(() -> add(key), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Re-adds a key after its next back-off (5 ms doubling to 60 s). */
    public void addRateLimited(String key) {
        int n;
        synchronized (this) {
            n = failures.merge(key, 1, Integer::sum);
        }
        long delay = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS << Math.min(20, n - 1));
        addAfter(key, Duration.ofMillis(delay));
    }

    /** Forgets a key's failures (after a success). */
    public synchronized void forget(String key) {
        failures.remove(key);
    }

    /** The next key (blocking), or null once shut down. */
    public synchronized String take() throws InterruptedException {
        while (queue.isEmpty() && !shutdown) {
            wait();
        }
        if (shutdown) {
            return null;
        }
        var it = queue.iterator();
        String key = it.next();
        it.remove();
        processing.add(key);
        return key;
    }

    /** Marks a key processed; re-queues it if it was added meanwhile. */
    public synchronized void done(String key) {
        processing.remove(key);
        if (dirty.remove(key) && !shutdown && queue.add(key)) {
            notify();
        }
    }

    public synchronized int depth() {
        return queue.size();
    }

    public synchronized void shutdown() {
        shutdown = true;
        notifyAll();
    }
}
