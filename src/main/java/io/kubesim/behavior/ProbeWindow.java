package io.kubesim.behavior;

import java.time.Duration;

/**
 * A probe outcome for a window of time since the container started: {@code [after, until)};
 * {@code until} null means "from then on".
 */
public record ProbeWindow(Duration after, Duration until, boolean success) {

    public boolean covers(Duration sinceStart) {
        return sinceStart.compareTo(after) >= 0 && (until == null || sinceStart.compareTo(until) < 0);
    }
}
