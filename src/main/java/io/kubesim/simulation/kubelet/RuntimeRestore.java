package io.kubesim.simulation.kubelet;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.kubesim.simulation.nodes.SimulatedNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a pod's runtime from its reported status when the kubelet meets a pod it already ran
 * (after kubesim restarts): running containers keep running, crash-looping ones resume their
 * back-off, nothing regresses to ContainerCreating.
 */
final class RuntimeRestore {

    private RuntimeRestore() {
    }

    static void restore(PodRuntime rt, Pod pod, SimulatedNode node, Instant now) {
        PodStatus s = pod.getStatus();
        if (s == null || s.getStartTime() == null) {
            return;
        }
        rt.admittedAt = parse(s.getStartTime(), now);
        rt.sandboxAt = rt.admittedAt;
        if (s.getPodIP() != null) {
            rt.sandboxReady = true;
            rt.podIp = s.getPodIP();
            node.claimIp(s.getPodIP());
        }
        List<ContainerStatus> statuses = new ArrayList<>();
        if (s.getInitContainerStatuses() != null) {
            statuses.addAll(s.getInitContainerStatuses());
        }
        if (s.getContainerStatuses() != null) {
            statuses.addAll(s.getContainerStatuses());
        }
        boolean anyPending = false;
        for (ContainerStatus cs : statuses) {
            ContainerRuntime c = rt.container(cs.getName());
            if (c == null) {
                continue;
            }
            anyPending |= restore(c, cs, node, now);
        }
        if (rt.sandboxReady && anyPending) {
            rt.resumeAt = now;
        }
    }

    /** Returns true when the container still has to be started. */
    private static boolean restore(ContainerRuntime c, ContainerStatus cs, SimulatedNode node, Instant now) {
        c.restartCount = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
        if (cs.getImageID() != null && !cs.getImageID().isEmpty()) {
            c.imagePresent = true;
            node.addImage(c.spec.getImage());
        }
        if (cs.getLastState() != null && cs.getLastState().getTerminated() != null) {
            c.last = termination(cs.getLastState().getTerminated(), now);
        }
        var st = cs.getState();
        if (st != null && st.getRunning() != null) {
            c.state = ContainerState.RUNNING;
            c.startedAt = parse(st.getRunning().getStartedAt(), now);
            c.everStarted = true;
            c.containerId = cs.getContainerID();
            var run = c.run();
            c.exitAt = run.exitAfter() == null ? null : c.startedAt.plus(run.exitAfter());
            restoreProbes(c, cs, now);
            return false;
        }
        if (st != null && st.getTerminated() != null) {
            c.state = ContainerState.TERMINATED;
            c.current = termination(st.getTerminated(), now);
            c.everStarted = true;
            return false;
        }
        if (st != null && st.getWaiting() != null && "CrashLoopBackOff".equals(st.getWaiting().getReason())) {
            c.state = ContainerState.BACKOFF;
            c.waitingReason = "CrashLoopBackOff";
            c.waitingMessage = st.getWaiting().getMessage();
            c.nextAt = now;
            return false;
        }
        return true;
    }

    private static void restoreProbes(ContainerRuntime c, ContainerStatus cs, Instant now) {
        put(c, ProbeKind.STARTUP, c.spec.getStartupProbe(), Boolean.TRUE.equals(cs.getStarted()) ? Boolean.TRUE : null, now);
        put(c, ProbeKind.READINESS, c.spec.getReadinessProbe(), Boolean.TRUE.equals(cs.getReady()), now);
        put(c, ProbeKind.LIVENESS, c.spec.getLivenessProbe(), Boolean.TRUE, now);
    }

    private static void put(ContainerRuntime c, ProbeKind kind, io.fabric8.kubernetes.api.model.Probe spec, Boolean result,
                            Instant now) {
        if (spec == null) {
            return;
        }
        ProbeTracker t = new ProbeTracker(kind, spec, now, d -> java.time.Duration.ZERO);
        t.result = result;
        c.probes.put(kind, t);
    }

    private static ContainerState.Termination termination(ContainerStateTerminated t, Instant now) {
        return new ContainerState.Termination(t.getExitCode() == null ? 0 : t.getExitCode(), t.getReason(), t.getMessage(),
                parse(t.getStartedAt(), now), parse(t.getFinishedAt(), now), t.getContainerID());
    }

    static Instant parse(String time, Instant fallback) {
        if (time == null || time.isEmpty()) {
            return fallback;
        }
        try {
            return java.time.OffsetDateTime.parse(time).toInstant();
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
