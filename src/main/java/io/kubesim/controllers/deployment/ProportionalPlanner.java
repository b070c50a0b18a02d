package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scale} of {@code sync.go}, run for scaling events and paused Deployments: one active ReplicaSet takes
 * the whole count; a saturated new ReplicaSet retires the old ones; otherwise, for RollingUpdate, the change to
 * {@code replicas + maxSurge} is spread over the active ReplicaSets in proportion to their size (larger first;
 * leftovers to the first), so a rollout in progress keeps its ratio.
 */
final class ProportionalPlanner {

    private ProportionalPlanner() {
    }

    static List<ScaleStep> plan(Deployment d, ReplicaSet newRS, List<ReplicaSet> oldRSs) {
        int replicas = Deployments.replicas(d);
        ReplicaSet only = ReplicaSets.activeOrLatest(newRS, oldRSs);
        if (only != null) {
            return ReplicaSets.spec(only) == replicas ? List.of() : List.of(ScaleStep.ifChanged(only, replicas));
        }
        if (ReplicaSets.saturated(d, newRS)) {
            return ReplicaSets.active(oldRSs).stream().map(rs -> ScaleStep.ifChanged(rs, 0)).toList();
        }
        if (!Deployments.isRollingUpdate(d)) {
            return List.of();
        }
        return proportionalSteps(d, ReplicaSets.active(ReplicaSets.all(oldRSs, newRS)));
    }

    private static List<ScaleStep> proportionalSteps(Deployment d, List<ReplicaSet> active) {
        int replicas = Deployments.replicas(d);
        int allowed = replicas > 0 ? replicas + RolloutMath.maxSurge(d) : 0;
        int toAdd = allowed - ReplicaSets.sumSpec(active);
        String operation = toAdd > 0 ? "up" : toAdd < 0 ? "down" : "";
        List<ReplicaSet> ordered = toAdd > 0 ? ReplicaSets.sorted(active, ReplicaSets.BY_SIZE_NEWER)
                : toAdd < 0 ? ReplicaSets.sorted(active, ReplicaSets.BY_SIZE_OLDER) : active;
        Map<String, Integer> sizes = new LinkedHashMap<>();
        int added = 0;
        for (ReplicaSet rs : ordered) {
            int proportion = toAdd == 0 ? 0 : RolloutMath.proportion(rs, d, toAdd, added);
            sizes.put(rs.getMetadata().getName(), ReplicaSets.spec(rs) + proportion);
            added += proportion;
        }
        List<ScaleStep> steps = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ReplicaSet rs = ordered.get(i);
            int size = sizes.get(rs.getMetadata().getName());
            if (i == 0 && toAdd != 0) {
                size = Math.max(0, size + toAdd - added);
            }
            steps.add(ScaleStep.proportional(rs, size, operation));
        }
        return steps;
    }
}
