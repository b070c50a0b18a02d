package io.kubesim.simulation.scheduler;

import io.kubesim.controller.ClusterTime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * kube-scheduler's pool of unschedulable pods (its scheduling queue's {@code unschedulablePods}). A pod that fits on
 * no node waits here, without being tried again, until something changes that could make it fit: a node added or
 * changed, a bound pod deleted or finished, the pod itself changed. It then goes back to the queue once its back-off
 * has passed (1 s after its first failed attempt, doubling up to 10 s). A pod parked for five minutes goes back
 * anyway (the queue looks every 30 s). A change that arrives while a pod is being tried sends it back after its
 * back-off instead of parking it, so the change is not missed. Durations are simulated time.
 */
final class UnschedulablePods {

    static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    static final Duration MAX_PARKED = Duration.ofMinutes(5);
    static final Duration FLUSH_PERIOD = Duration.ofSeconds(30);

    /** Parked pods by key, with the {@link #nanoTime} of the failed attempt that parked them. */
    private final Map<String, Long> parked = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    /** Counts the changes that moved every parked pod (kube-scheduler's {@code moveRequestCycle}). */
    private final AtomicLong moves = new AtomicLong();
    private final ClusterTime time;
    private final BiConsumer<String, Duration> requeueAfter;
    private final LongSupplier nanoTime;

    /** {@code requeueAfter} adds a key to the scheduling queue after a real delay. */
    UnschedulablePods(ClusterTime time, BiConsumer<String, Duration> requeueAfter, LongSupplier nanoTime) {
        this.time = time;
        this.requeueAfter = requeueAfter;
        this.nanoTime = nanoTime;
    }

    /** Taken when an attempt starts, and handed to {@link #park} if it fails. */
    long cycle() {
        return moves.get();
    }

    /** A failed attempt that started at {@code cycle}: the pod is parked, or requeued after its back-off. */
    void park(String key, long cycle) {
        int n = attempts.merge(key, 1, Integer::sum);
        Long since = nanoTime.getAsLong();
        parked.put(key, since);
        if (moves.get() != cycle && parked.remove(key, since)) {
            requeueAfter.accept(key, time.real(backoff(n)));
        }
    }

    /** A failed binding: back to the queue after the back-off, never parked. */
    void requeueAfterBackoff(String key) {
        requeueAfter.accept(key, time.real(backoff(attempts.merge(key, 1, Integer::sum))));
    }

    /** The cluster changed in a way that could make any parked pod fit. */
    void moveAll() {
        moves.incrementAndGet();
        long now = nanoTime.getAsLong();
        parked.forEach((key, since) -> move(key, since, now));
    }

    /** The pod itself changed (more than its status). */
    void moveIfParked(String key) {
        Long since = parked.get(key);
        if (since != null) {
            move(key, since, nanoTime.getAsLong());
        }
    }

    boolean isParked(String key) {
        return parked.containsKey(key);
    }

    /** Sends back every pod parked for {@link #MAX_PARKED} or longer; run every {@link #FLUSH_PERIOD}. */
    void flushLeftover() {
        long now = nanoTime.getAsLong();
        long max = time.real(MAX_PARKED).toNanos();
        parked.forEach((key, since) -> {
            if (now - since >= max && parked.remove(key, since)) {
                requeueAfter.accept(key, Duration.ZERO);
            }
        });
    }

    /** The pod was bound, or no longer wants a node. */
    void forget(String key) {
        parked.remove(key);
        attempts.remove(key);
    }

    int size() {
        return parked.size();
    }

    private void move(String key, Long since, long now) {
        if (parked.remove(key, since)) {
            long backoff = time.real(backoff(attempts.getOrDefault(key, 1))).toNanos();
            requeueAfter.accept(key, Duration.ofNanos(Math.max(0, since + backoff - now)));
        }
    }

    /** The back-off after {@code attempts} failed attempts: 1 s, 2 s, 4 s, 8 s, then 10 s (simulated). */
    static Duration backoff(int attempts) {
        long seconds = INITIAL_BACKOFF.toSeconds() << Math.min(10, Math.max(0, attempts - 1));
        return Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), seconds));
    }
}
