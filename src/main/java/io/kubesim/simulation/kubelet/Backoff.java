package io.kubesim.simulation.kubelet;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * client-go's per-item back-off as the kubelet uses it for container restarts and image pulls:
 * starts at {@code base}, doubles per use up to {@code max}, and forgets itself after 2×max
 * without use. Delays are simulated durations; {@code real} converts them to wall time.
 */
final class Backoff {

    private final Duration base;
    private final Duration max;
    private final UnaryOperator<Duration> real;
    private Duration current;
    private Instant lastUpdate;

    Backoff(Duration base, Duration max, UnaryOperator<Duration> real) {
        this.base = base;
        this.max = max;
        this.real = real;
    }

    /** Whether something that happened at {@code eventTime} is still inside the back-off window at {@code now}. */
    boolean inBackOffSince(Instant eventTime, Instant now) {
        if (current == null || expired(eventTime)) {
            return false;
        }
        return Duration.between(eventTime, now).compareTo(real.apply(current)) < 0;
    }

    /** When the back-off for something that happened at {@code eventTime} ends. */
    Instant endsAfter(Instant eventTime) {
        return eventTime.plus(real.apply(current));
    }

    /** The current delay (simulated), or null when there is no entry. */
    Duration current() {
        return current;
    }

    /** Records a use at {@code now}: the delay starts at base, or doubles up to max. */
    void next(Instant now) {
        if (current == null || expired(now)) {
            current = base;
        } else {
            Duration doubled = current.multipliedBy(2);
            current = doubled.compareTo(max) > 0 ? max : doubled;
        }
        lastUpdate = now;
    }

    private boolean expired(Instant at) {
        return lastUpdate != null && Duration.between(lastUpdate, at).compareTo(real.apply(max.multipliedBy(2))) > 0;
    }
}
