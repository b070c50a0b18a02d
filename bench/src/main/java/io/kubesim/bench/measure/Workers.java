package io.kubesim.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs {@code n} operations on {@code threads} threads, each thread taking the next index, and
 * records every operation's latency. A failed operation is counted as an error and its first
 * messages are kept, never retried.
 */
public final class Workers {

    /** One operation; {@code worker} is the calling thread's number (0..threads-1), {@code i} the operation's. */
    @FunctionalInterface
    public interface Op {
        void run(int worker, int i) throws Exception;
    }

    private final int threads;
    private final List<String> errors = new ArrayList<>();

    public Workers(int threads) {
        this.threads = threads;
    }

    /** Runs the operations and returns their latencies (wall time from the first start to the last end). */
    public Latencies run(int n, Op op) {
        return run(n, op, null);
    }

    /**
     * Runs the operations; when {@code schedule} is given, operation {@code i} does not start before
     * {@code schedule.apply(i)} (a System.nanoTime value): a paced, open-loop load.
     */
    public Latencies run(int n, Op op, IntFunction<Long> schedule) {
        Latencies latencies = new Latencies(n);
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> started = new ArrayList<>();
        latencies.start();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                long waited = RunQueueWait.currentThread();
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        if (schedule != null) {
                            waitUntil(schedule.apply(i));
                        }
                        long t0 = System.nanoTime();
                        try {
                            op.run(worker, i);
                            latencies.record(System.nanoTime() - t0);
                        } catch (Exception e) {
                            latencies.error();
                            if (failures.size() < 5) {
                                failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                            }
                        }
                    }
                } finally {
                    RunQueueWait.threadEnding(waited);
                    done.countDown();
                }
            }, RunQueueWait.WORKER_PREFIX + "-" + w);
            started.add(t);
            t.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        latencies.stop();
        synchronized (errors) {
            errors.clear();
            errors.addAll(failures);
        }
        return latencies;
    }

    /** The first few error messages of the last {@link #run}. */
    public List<String> lastErrors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    private static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }
}
