package io.kubesim.controllers.replicaset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@code slowStartBatch}: calls in batches of 1, 2, 4, ... (starting at the initial size), so that a request
 * that fails for every pod (quota, admission) fails once instead of hundreds of times. Every call of a batch is
 * made; a batch with any failure ends the run.
 */
public final class SlowStartBatch {

    /** {@code controller.SlowStartInitialBatchSize}. */
    public static final int INITIAL_BATCH_SIZE = 1;

    private SlowStartBatch() {
    }

    /** How a run went: the successful calls and the first failure (null when none). */
    public record Outcome(int successes, RuntimeException error) {
    }

    /** The batch sizes for {@code count} calls when every batch succeeds. */
    public static List<Integer> sizes(int count, int initial) {
        List<Integer> sizes = new ArrayList<>();
        int remaining = count;
        for (int batch = Math.min(remaining, initial); batch > 0; batch = Math.min(2 * batch, remaining)) {
            sizes.add(batch);
            remaining -= batch;
        }
        return sizes;
    }

    /**
     * Makes up to {@code count} calls of {@code call}, which returns null on success or the failure, one after
     * the other on the calling thread.
     */
    public static Outcome run(int count, int initial, Supplier<RuntimeException> call) {
        return run(count, initial, call, Runnable::run);
    }

    /**
     * Makes up to {@code count} calls of {@code call}, which returns null on success or the failure. The calls
     * of one batch run concurrently on {@code executor}, as upstream's goroutines do, so that their writes share
     * the store's group commits instead of waiting for one commit each; the next batch starts when every call
     * of this one has returned. A call that throws counts as a failure.
     */
    public static Outcome run(int count, int initial, Supplier<RuntimeException> call, Executor executor) {
        int successes = 0;
        int remaining = count;
        for (int batch = Math.min(remaining, initial); batch > 0; batch = Math.min(2 * batch, remaining)) {
            List<CompletableFuture<RuntimeException>> calls = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                calls.add(CompletableFuture.supplyAsync(call, executor));
            }
            RuntimeException first = null;
            for (CompletableFuture<RuntimeException> c : calls) {
                RuntimeException e = outcome(c);
                if (e == null) {
                    successes++;
                } else if (first == null) {
                    first = e;
                }
            }
            if (first != null) {
                return new Outcome(successes, first);
            }
            remaining -= batch;
        }
        return new Outcome(successes, null);
    }

    private static RuntimeException outcome(CompletableFuture<RuntimeException> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            return e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
