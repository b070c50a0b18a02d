package io.kubesim.controllers.replicaset;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Expectations: outstanding creates and deletes block managing until observed or five minutes old. */
class ControllerExpectationsTest {

    /** A clock tests move by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ControllerExpectations e = new ControllerExpectations(clock);

    @Test
    void unknownKeysAreSatisfied() {
        assertThat(e.satisfied("ns/a")).isTrue();
    }

    @Test
    void creationsMustAllBeObserved() {
        e.expectCreations("ns/a", 2);
        assertThat(e.satisfied("ns/a")).isFalse();
        e.creationObserved("ns/a");
        assertThat(e.satisfied("ns/a")).isFalse();
        e.creationObserved("ns/a");
        assertThat(e.satisfied("ns/a")).isTrue();
    }

    @Test
    void deletionsCountOnlyTheExpectedPodsAndOnlyOnce() {
        e.expectDeletions("ns/a", Set.of("ns/p1", "ns/p2"));
        e.deletionObserved("ns/a", "ns/other");
        e.deletionObserved("ns/a", "ns/p1");
        e.deletionObserved("ns/a", "ns/p1");
        assertThat(e.satisfied("ns/a")).isFalse();
        e.deletionObserved("ns/a", "ns/p2");
        assertThat(e.satisfied("ns/a")).isTrue();
    }

    @Test
    void expectationsExpireAfterFiveMinutes() {
        e.expectCreations("ns/a", 3);
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(e.satisfied("ns/a")).isFalse();
        clock.now = clock.now.plusSeconds(1);
        assertThat(e.satisfied("ns/a")).isTrue();
    }

    @Test
    void deletingAKeyForgetsIt() {
        e.expectCreations("ns/a", 1);
        e.delete("ns/a");
        assertThat(e.satisfied("ns/a")).isTrue();
    }
}
