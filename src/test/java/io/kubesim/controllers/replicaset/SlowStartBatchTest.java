package io.kubesim.controllers.replicaset;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code slowStartBatch}: doubling batches, every call of a failing batch made, then a stop. */
class SlowStartBatchTest {

    @Test
    void batchesDoubleFromOneUpToWhatRemains() {
        assertThat(SlowStartBatch.sizes(1, 1)).containsExactly(1);
        assertThat(SlowStartBatch.sizes(10, 1)).containsExactly(1, 2, 4, 3);
        assertThat(SlowStartBatch.sizes(500, 1)).containsExactly(1, 2, 4, 8, 16, 32, 64, 128, 245);
        assertThat(SlowStartBatch.sizes(0, 1)).isEmpty();
    }

    @Test
    void allSucceed() {
        AtomicInteger calls = new AtomicInteger();
        SlowStartBatch.Outcome o = SlowStartBatch.run(10, 1, () -> {
            calls.incrementAndGet();
            return null;
        });
        assertThat(o.successes()).isEqualTo(10);
        assertThat(o.error()).isNull();
        assertThat(calls).hasValue(10);
    }

    @Test
    void aFailureFinishesItsBatchAndSkipsTheRest() {
        AtomicInteger calls = new AtomicInteger();
        // batches 1, 2, 4: the 5th call (second of the batch of 4) fails
        SlowStartBatch.Outcome o = SlowStartBatch.run(20, 1, () -> calls.incrementAndGet() == 5
                ? new IllegalStateException("quota") : null);
        assertThat(calls).hasValue(7);
        assertThat(o.successes()).isEqualTo(6);
        assertThat(o.error()).hasMessage("quota");
    }

    @Test
    void aFailingFirstCallStopsEverything() {
        AtomicInteger calls = new AtomicInteger();
        SlowStartBatch.Outcome o = SlowStartBatch.run(500, 1, () -> {
            calls.incrementAndGet();
            return new IllegalStateException("forbidden");
        });
        assertThat(calls).hasValue(1);
        assertThat(o.successes()).isZero();
    }

    @Test
    void theCallsOfABatchRunConcurrentlyOnTheExecutor() throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            // batches 1, 2, 4: each call of the batch of 4 waits for all four to have started
            CountDownLatch lastBatch = new CountDownLatch(4);
            AtomicInteger calls = new AtomicInteger();
            SlowStartBatch.Outcome o = SlowStartBatch.run(7, 1, () -> {
                if (calls.incrementAndGet() <= 3) {
                    return null;
                }
                lastBatch.countDown();
                try {
                    return lastBatch.await(10, TimeUnit.SECONDS) ? null : new IllegalStateException("ran alone");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new IllegalStateException(e);
                }
            }, executor);
            assertThat(o.error()).isNull();
            assertThat(o.successes()).isEqualTo(7);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aBatchStartsOnlyWhenThePreviousOneHasReturned() {
        ExecutorService executor = Executors.newFixedThreadPool(16);
        try {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            SlowStartBatch.Outcome o = SlowStartBatch.run(15, 1, () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                running.decrementAndGet();
                return null;
            }, executor);
            assertThat(o.successes()).isEqualTo(15);
            assertThat(most.get()).isLessThanOrEqualTo(8);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aCallThatThrowsIsAFailureOfItsBatch() {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            AtomicInteger calls = new AtomicInteger();
            SlowStartBatch.Outcome o = SlowStartBatch.run(20, 1, () -> {
                if (calls.incrementAndGet() == 2) {
                    throw new IllegalStateException("boom");
                }
                return null;
            }, executor);
            assertThat(calls).hasValue(3);
            assertThat(o.successes()).isEqualTo(2);
            assertThat(o.error()).hasMessage("boom");
        } finally {
            executor.shutdownNow();
        }
    }
}
