package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import java.time.Duration;
import java.time.Instant;

/** Pod predicates of {@code pkg/api/v1/pod} and {@code pkg/controller} used by the workload controllers. */
public final class Pods {

    private Pods() {
    }

    public static String phase(Pod p) {
        return p.getStatus() == null || p.getStatus().getPhase() == null ? "" : p.getStatus().getPhase();
    }

    public static boolean isTerminal(Pod p) {
        String phase = phase(p);
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    public static boolean isDeleting(Pod p) {
        return p.getMetadata().getDeletionTimestamp() != null;
    }

    /** {@code IsPodActive}: not terminal and not being deleted. */
    public static boolean isActive(Pod p) {
        return !isTerminal(p) && !isDeleting(p);
    }

    /** {@code IsPodTerminating}: being deleted but not terminal yet. */
    public static boolean isTerminating(Pod p) {
        return isDeleting(p) && !isTerminal(p);
    }

    /** The Ready condition, or null. */
    public static PodCondition readyCondition(Pod p) {
        if (p.getStatus() == null || p.getStatus().getConditions() == null) {
            return null;
        }
        for (PodCondition c : p.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    /** {@code IsPodReady}: the Ready condition is True. */
    public static boolean isReady(Pod p) {
        PodCondition c = readyCondition(p);
        return c != null && "True".equals(c.getStatus());
    }

    /** When the pod became ready, or null when it is not ready or the time is unknown. */
    public static Instant readySince(Pod p) {
        return isReady(p) ? KubeTime.parse(readyCondition(p).getLastTransitionTime()) : null;
    }

    /**
     * {@code IsPodAvailable}: ready, and either {@code minReadySeconds} is 0 or Ready's lastTransitionTime plus
     * {@code minReadySeconds} lies before {@code now}.
     */
    public static boolean isAvailable(Pod p, int minReadySeconds, Instant now) {
        if (!isReady(p)) {
            return false;
        }
        if (minReadySeconds == 0) {
            return true;
        }
        Instant since = readySince(p);
        return since != null && since.plus(Duration.ofSeconds(minReadySeconds)).isBefore(now);
    }

    /** The highest restartCount of the pod's containers. */
    public static int maxRestarts(Pod p) {
        int max = 0;
        if (p.getStatus() != null && p.getStatus().getContainerStatuses() != null) {
            for (ContainerStatus s : p.getStatus().getContainerStatuses()) {
                max = Math.max(max, s.getRestartCount() == null ? 0 : s.getRestartCount());
            }
        }
        return max;
    }

    /** {@code namespace/name}, the key expectations track deletions by. */
    public static String key(Pod p) {
        return p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
    }
}
