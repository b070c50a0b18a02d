package io.kubesim.simulation.scheduler;

import io.kubesim.controller.ClusterTime;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class UnschedulablePodsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Map.Entry<String, Duration>> requeued = new ArrayList<>();

    private UnschedulablePods pods(double speed) {
        return new UnschedulablePods(new ClusterTime(Clock.systemUTC(), speed),
                (key, delay) -> requeued.add(Map.entry(key, delay)), now::get);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aParkedPodIsNotTriedAgainWhileNothingChanges() {
        UnschedulablePods pods = pods(1);
        pods.park("ns/a", pods.cycle());
        advance(Duration.ofMinutes(4));
        pods.flushLeftover();
        assertThat(requeued).isEmpty();
        assertThat(pods.isParked("ns/a")).isTrue();
    }

    @Test
    void aParkedPodGoesBackAfterFiveMinutesAtTheLatest() {
        UnschedulablePods pods = pods(1);
        pods.park("ns/a", pods.cycle());
        advance(Duration.ofMinutes(5));
        pods.flushLeftover();
        assertThat(requeued).containsExactly(Map.entry("ns/a", Duration.ZERO));
        assertThat(pods.isParked("ns/a")).isFalse();
    }

    @Test
    void aClusterChangeSendsParkedPodsBackOnceTheirBackOffHasPassed() {
        UnschedulablePods pods = pods(1);
        pods.park("ns/a", pods.cycle());
        pods.park("ns/b", pods.cycle());
        pods.park("ns/b", pods.cycle());
        advance(Duration.ofMillis(400));
        pods.moveAll();
        assertThat(requeued).containsExactlyInAnyOrder(Map.entry("ns/a", Duration.ofMillis(600)),
                Map.entry("ns/b", Duration.ofMillis(1_600)));
        assertThat(pods.size()).isZero();
        pods.moveAll();
        assertThat(requeued).hasSize(2);
    }

    @Test
    void theBackOffDoublesUpToTenSeconds() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 40).stream().map(UnschedulablePods::backoff).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 10L, 10L, 10L);
    }

    @Test
    void aChangeDuringTheAttemptRequeuesInsteadOfParking() {
        UnschedulablePods pods = pods(1);
        long cycle = pods.cycle();
        pods.moveAll();
        pods.park("ns/a", cycle);
        assertThat(pods.isParked("ns/a")).isFalse();
        assertThat(requeued).containsExactly(Map.entry("ns/a", Duration.ofSeconds(1)));
    }

    @Test
    void onlyTheChangedPodMovesWhenItChanges() {
        UnschedulablePods pods = pods(1);
        pods.park("ns/a", pods.cycle());
        pods.park("ns/b", pods.cycle());
        advance(Duration.ofSeconds(2));
        pods.moveIfParked("ns/a");
        assertThat(requeued).containsExactly(Map.entry("ns/a", Duration.ZERO));
        assertThat(pods.isParked("ns/b")).isTrue();
    }

    @Test
    void aForgottenPodIsNotRequeuedAndStartsItsBackOffAfresh() {
        UnschedulablePods pods = pods(1);
        pods.park("ns/a", pods.cycle());
        pods.park("ns/a", pods.cycle());
        pods.forget("ns/a");
        pods.moveAll();
        assertThat(requeued).isEmpty();
        pods.requeueAfterBackoff("ns/a");
        assertThat(requeued).containsExactly(Map.entry("ns/a", Duration.ofSeconds(1)));
    }

    @Test
    void durationsAreSimulatedTime() {
        UnschedulablePods pods = pods(100);
        pods.park("ns/a", pods.cycle());
        pods.moveAll();
        pods.park("ns/a", pods.cycle());
        advance(Duration.ofSeconds(3));
        pods.flushLeftover();
        assertThat(requeued).containsExactly(Map.entry("ns/a", Duration.ofMillis(10)), Map.entry("ns/a", Duration.ZERO));
    }
}
