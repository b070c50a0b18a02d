package io.kubesim.simulation.kubelet;

import io.fabric8.kubernetes.api.model.Probe;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * One probe worker of one container run: ticks every period from start + initialDelay, and turns
 * consecutive outcomes into a result only after successThreshold / failureThreshold (kubelet
 * {@code worker.go}).
 */
final class ProbeTracker {

    final ProbeKind kind;
    final Probe spec;
    Boolean result;
    private int consecutive;
    private Boolean lastOutcome;
    Instant nextTick;
    boolean stopped;

    ProbeTracker(ProbeKind kind, Probe spec, Instant startedAt, UnaryOperator<Duration> real) {
        this.kind = kind;
        this.spec = spec;
        this.result = kind.initial();
        int delay = spec.getInitialDelaySeconds() == null ? 0 : spec.getInitialDelaySeconds();
        this.nextTick = startedAt.plus(real.apply(Duration.ofSeconds(delay)));
    }

    Duration period() {
        return Duration.ofSeconds(spec.getPeriodSeconds() == null ? 10 : Math.max(1, spec.getPeriodSeconds()));
    }

    int failureThreshold() {
        return spec.getFailureThreshold() == null ? 3 : Math.max(1, spec.getFailureThreshold());
    }

    int successThreshold() {
        return spec.getSuccessThreshold() == null ? 1 : Math.max(1, spec.getSuccessThreshold());
    }

    /**
     * Applies one tick's outcome. Returns true when the applied result changed.
     */
    boolean observe(boolean success, Instant at, UnaryOperator<Duration> real) {
        if (lastOutcome != null && lastOutcome == success) {
            consecutive++;
        } else {
            consecutive = 1;
        }
        lastOutcome = success;
        nextTick = at.plus(real.apply(period()));
        Boolean before = result;
        if (success) {
            if (!Boolean.TRUE.equals(result) && (result == null || consecutive >= successThreshold())) {
                result = true;
            }
        } else if (!Boolean.FALSE.equals(result) && consecutive >= failureThreshold()) {
            result = false;
        }
        return before != result && (before == null || !before.equals(result));
    }

    /** Consecutive identical outcomes so far (to know when ticking can stop). */
    int consecutive() {
        return consecutive;
    }

    Boolean lastOutcome() {
        return lastOutcome;
    }
}
