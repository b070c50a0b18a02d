package io.kubesim.bench.measure;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records operation latencies (nanoseconds) from many threads into a fixed array, and the phase's
 * wall time, then summarises them. Thread-safe for {@link #record}.
 */
public final class Latencies {

    private final long[] nanos;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private long startNanos;
    private long endNanos;

    public Latencies(int capacity) {
        this.nanos = new long[Math.max(1, capacity)];
    }

    /** Marks the start of the phase's wall-clock window. */
    public void start() {
        startNanos = System.nanoTime();
    }

    /** Marks the end of the phase's wall-clock window. */
    public void stop() {
        endNanos = System.nanoTime();
    }

    /** Sets the wall-clock window explicitly (System.nanoTime values). */
    public void window(long start, long end) {
        startNanos = start;
        endNanos = end;
    }

    public void record(long latencyNanos) {
        int i = count.getAndIncrement();
        if (i < nanos.length) {
            nanos[i] = latencyNanos;
        } else {
            dropped.incrementAndGet();
        }
    }

    public void error() {
        errors.incrementAndGet();
    }

    public int errors() {
        return errors.get();
    }

    /** The summary; {@code ops} is the number of recorded operations. */
    public PhaseResult result(String server, String phase) {
        int n = Math.min(count.get(), nanos.length);
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        double seconds = Math.max(1e-9, (endNanos - startNanos) / 1e9);
        return new PhaseResult(server, phase, n, errors.get(), seconds, n / seconds,
                millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)),
                millis(n == 0 ? 0 : sorted[n - 1]));
    }

    /** Nearest-rank percentile of a sorted array; 0 when empty. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
