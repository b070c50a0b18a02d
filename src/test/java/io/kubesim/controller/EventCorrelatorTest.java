package io.kubesim.controller;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** client-go's correlation rules: aggregation after ten similar events, counting of repeats, the spam filter. */
class EventCorrelatorTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final EventRecorder.Source RS_CONTROLLER = new EventRecorder.Source("replicaset-controller", null);
    private final EventCorrelator correlator = new EventCorrelator(4096);

    private static ObjectReference ref(String name) {
        return new ObjectReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet").withNamespace("default")
                .withName(name).withUid("uid-" + name).build();
    }

    private EventCorrelator.Decision record(String object, String reason, String message, Instant at) {
        EventCorrelator.Decision d = correlator.correlate(ref(object), "default", RS_CONTROLLER, "Normal", reason, message, at);
        if (!d.skip() && d.name() == null) {
            correlator.written(d.key(), object + "." + d.message());
        }
        return d;
    }

    @Test
    void theTenthDistinctMessageStartsOneCombinedEventThatCountsUp() {
        for (int i = 0; i < 9; i++) {
            EventCorrelator.Decision d = record("web", "SuccessfulCreate", "Created pod: web-" + i, T0);
            assertThat(d.combined()).isFalse();
            assertThat(d.name()).isNull();
            assertThat(d.message()).isEqualTo("Created pod: web-" + i);
        }
        EventCorrelator.Decision first = record("web", "SuccessfulCreate", "Created pod: web-9", T0);
        assertThat(first.combined()).isTrue();
        assertThat(first.name()).isNull();
        assertThat(first.count()).isEqualTo(1);
        assertThat(first.message()).isEqualTo("(combined from similar events): Created pod: web-9");
        EventCorrelator.Decision second = record("web", "SuccessfulCreate", "Created pod: web-10", T0);
        assertThat(second.name()).isEqualTo("web.(combined from similar events): Created pod: web-9");
        assertThat(second.count()).isEqualTo(2);
        assertThat(second.message()).isEqualTo("(combined from similar events): Created pod: web-10");
        // another reason, another object: their own groups
        assertThat(record("web", "SuccessfulDelete", "Deleted pod: web-1", T0).combined()).isFalse();
        assertThat(record("api", "SuccessfulCreate", "Created pod: api-1", T0).combined()).isFalse();
    }

    @Test
    void similarEventsMoreThanTenMinutesApartStartAgain() {
        for (int i = 0; i < 9; i++) {
            record("web", "SuccessfulCreate", "m" + i, T0.plus(Duration.ofMinutes(11L * i)));
        }
        assertThat(record("web", "SuccessfulCreate", "m9", T0.plus(Duration.ofMinutes(99))).combined()).isFalse();
    }

    @Test
    void aRepeatIsCountedOnTheEventAlreadyWritten() {
        record("web", "FailedCreate", "quota", T0);
        EventCorrelator.Decision again = record("web", "FailedCreate", "quota", T0.plusSeconds(1));
        assertThat(again.name()).isEqualTo("web.quota");
        assertThat(again.count()).isEqualTo(2);
        assertThat(again.combined()).isFalse();
    }

    @Test
    void aSourceMayBurst25EventsAboutAnObjectThenOneEveryFiveMinutes() {
        for (int i = 0; i < 25; i++) {
            assertThat(record("web", "Reason" + i, "m", T0).skip()).isFalse();
        }
        assertThat(record("web", "Reason25", "m", T0).skip()).isTrue();
        assertThat(record("other", "Reason25", "m", T0).skip()).isFalse();
        assertThat(record("web", "Reason26", "m", T0.plus(Duration.ofMinutes(4))).skip()).isTrue();
        assertThat(record("web", "Reason27", "m", T0.plus(Duration.ofMinutes(5))).skip()).isFalse();
        assertThat(record("web", "Reason28", "m", T0.plus(Duration.ofMinutes(6))).skip()).isTrue();
    }

    @Test
    void skippedRepeatsStillCountTowardsTheNextWrite() {
        record("web", "BackOff", "back-off", T0);
        for (int i = 0; i < 30; i++) {
            record("web", "BackOff", "back-off", T0);
        }
        EventCorrelator.Decision later = record("web", "BackOff", "back-off", T0.plus(Duration.ofMinutes(5)));
        assertThat(later.skip()).isFalse();
        assertThat(later.count()).isEqualTo(32);
    }
}
