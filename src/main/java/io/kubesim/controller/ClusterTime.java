package io.kubesim.controller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Time as the simulated cluster sees it: the wall clock for timestamps, and one speed factor that
 * shrinks every simulated duration (delays, probe periods, back-off, grace periods, node grace,
 * eviction). Speed 10 plays a five-minute story in thirty seconds.
 */
public final class ClusterTime {

    private final Clock clock;
    private final double speed;

    public ClusterTime(Clock clock, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("kubesim.simulation.speed must be > 0, got " + speed);
        }
        this.clock = clock;
        this.speed = speed;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public double speed() {
        return speed;
    }

    /** How long a simulated duration really takes. */
    public Duration real(Duration simulated) {
        if (speed == 1.0) {
            return simulated;
        }
        return Duration.ofNanos((long) (simulated.toNanos() / speed));
    }

    /** The simulated duration that has passed in {@code real} wall time. */
    public Duration simulated(Duration real) {
        if (speed == 1.0) {
            return real;
        }
        return Duration.ofNanos((long) (real.toNanos() * speed));
    }
}
