package io.kubesim.simulation.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.kubesim.behavior.ContainerBehavior;
import io.kubesim.behavior.RunBehavior;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The runtime state of one container of a simulated pod (what the container runtime would know). */
final class ContainerRuntime {

    final Container spec;
    final boolean init;
    final boolean sidecar;
    final ContainerBehavior behavior;

    ContainerState state = ContainerState.PENDING;
    Instant nextAt;
    Instant startedAt;
    Instant exitAt;
    String containerId;
    String waitingReason;
    String waitingMessage;
    int restartCount;
    int pullAttempts;
    boolean imagePresent;
    boolean everStarted;
    boolean stopping;
    boolean relaunch;
    Instant pullStartedAt;
    ContainerState.Termination current;
    ContainerState.Termination last;
    Backoff restartBackoff;
    Backoff pullBackoff;
    final Map<ProbeKind, ProbeTracker> probes = new EnumMap<>(ProbeKind.class);
    List<LogLine> logs = new ArrayList<>();
    List<LogLine> previousLogs = List.of();

    ContainerRuntime(Container spec, boolean init, boolean sidecar, ContainerBehavior behavior) {
        this.spec = spec;
        this.init = init;
        this.sidecar = sidecar;
        this.behavior = behavior;
    }

    String name() {
        return spec.getName();
    }

    RunBehavior run() {
        return behavior.run(restartCount);
    }

    boolean started() {
        if (state != ContainerState.RUNNING) {
            return false;
        }
        ProbeTracker startup = probes.get(ProbeKind.STARTUP);
        return startup == null || Boolean.TRUE.equals(startup.result);
    }

    boolean ready() {
        if (init && !sidecar) {
            return state == ContainerState.TERMINATED && current != null && current.exitCode() == 0;
        }
        if (!started()) {
            return false;
        }
        ProbeTracker readiness = probes.get(ProbeKind.READINESS);
        return readiness == null || Boolean.TRUE.equals(readiness.result);
    }

    /** Whether this (regular init) container has completed successfully. */
    boolean succeeded() {
        return state == ContainerState.TERMINATED && current != null && current.exitCode() == 0;
    }

    boolean terminated() {
        return state == ContainerState.TERMINATED;
    }
}
