package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The decisions of {@code rolling.go}: how far the new ReplicaSet may grow ({@code reconcileNewReplicaSet}) and
 * which old ReplicaSets shrink by how much ({@code reconcileOldReplicaSets}: unhealthy replicas first, oldest
 * ReplicaSet first, then healthy ones while availability stays at {@code replicas - maxUnavailable}).
 */
final class RollingPlanner {

    private RollingPlanner() {
    }

    /** The new ReplicaSet's next size, or empty when it stays as it is. */
    static OptionalInt newReplicaSetSize(Deployment d, List<ReplicaSet> all, ReplicaSet newRS) {
        int replicas = Deployments.replicas(d);
        int current = ReplicaSets.spec(newRS);
        if (current == replicas) {
            return OptionalInt.empty();
        }
        if (current > replicas) {
            return OptionalInt.of(replicas);
        }
        int next = RolloutMath.newRSNewReplicas(d, all, newRS);
        return next == current ? OptionalInt.empty() : OptionalInt.of(next);
    }

    /**
     * The old ReplicaSets' scale-downs, in order.
     *
     * @param all       every ReplicaSet of the Deployment, the new one included
     * @param activeOld the old ReplicaSets with {@code spec.replicas > 0}
     */
    static List<ScaleStep> oldReplicaSetScaleDowns(Deployment d, List<ReplicaSet> all, List<ReplicaSet> activeOld,
                                                   ReplicaSet newRS) {
        if (ReplicaSets.sumSpec(activeOld) == 0) {
            return List.of();
        }
        int minAvailable = Deployments.replicas(d) - RolloutMath.maxUnavailable(d);
        int newUnavailable = ReplicaSets.spec(newRS) - ReplicaSets.available(newRS);
        int maxScaledDown = ReplicaSets.sumSpec(all) - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return List.of();
        }
        List<ReplicaSet> oldest = ReplicaSets.sorted(activeOld, ReplicaSets.BY_CREATION);
        Map<String, Integer> sizes = new HashMap<>();
        oldest.forEach(rs -> sizes.put(rs.getMetadata().getName(), ReplicaSets.spec(rs)));
        List<ScaleStep> steps = new ArrayList<>();
        if (!cleanupUnhealthy(oldest, sizes, maxScaledDown, steps)) {
            return steps;
        }
        scaleDownHealthy(oldest, sizes, ReplicaSets.sumAvailable(ReplicaSets.all(activeOld, newRS)) - minAvailable, steps);
        return steps;
    }

    /**
     * {@code cleanupUnhealthyReplicas}: removes up to {@code maxCleanup} unavailable replicas, oldest ReplicaSet
     * first. Returns false, as upstream errors out, when a ReplicaSet reports more available than desired.
     */
    private static boolean cleanupUnhealthy(List<ReplicaSet> oldest, Map<String, Integer> sizes, int maxCleanup,
                                            List<ScaleStep> steps) {
        int total = 0;
        for (ReplicaSet rs : oldest) {
            if (total >= maxCleanup) {
                break;
            }
            int size = sizes.get(rs.getMetadata().getName());
            int available = ReplicaSets.available(rs);
            if (size == 0 || size == available) {
                continue;
            }
            int down = Math.min(maxCleanup - total, size - available);
            if (down < 0) {
                return false;
            }
            steps.add(ScaleStep.ifChanged(rs, size - down));
            sizes.put(rs.getMetadata().getName(), size - down);
            total += down;
        }
        return true;
    }

    /** {@code scaleDownOldReplicaSetsForRollingUpdate}: removes {@code excess} available replicas, oldest first. */
    private static void scaleDownHealthy(List<ReplicaSet> oldest, Map<String, Integer> sizes, int excess,
                                         List<ScaleStep> steps) {
        int total = 0;
        for (ReplicaSet rs : oldest) {
            if (total >= excess) {
                break;
            }
            int size = sizes.get(rs.getMetadata().getName());
            if (size == 0) {
                continue;
            }
            int down = Math.min(size, excess - total);
            steps.add(ScaleStep.ifChanged(rs, size - down));
            sizes.put(rs.getMetadata().getName(), size - down);
            total += down;
        }
    }
}
