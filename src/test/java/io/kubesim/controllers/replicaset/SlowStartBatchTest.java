package io.kubesim.controllers.replicaset;

import org.junit.jupiter.api.Test;

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
}
