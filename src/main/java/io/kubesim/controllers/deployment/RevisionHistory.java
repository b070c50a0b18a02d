package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code cleanupDeployment}'s choice: the old ReplicaSets beyond {@code revisionHistoryLimit}, lowest revision
 * first, that are fully scaled down, settled (status observed, no pods) and not already being deleted.
 */
final class RevisionHistory {

    private RevisionHistory() {
    }

    static List<ReplicaSet> surplus(Deployment d, List<ReplicaSet> oldRSs) {
        Integer limit = Deployments.revisionHistoryLimit(d);
        if (limit == null) {
            return List.of();
        }
        List<ReplicaSet> alive = oldRSs.stream().filter(rs -> rs.getMetadata().getDeletionTimestamp() == null).toList();
        int diff = alive.size() - limit;
        if (diff <= 0) {
            return List.of();
        }
        List<ReplicaSet> byRevision = ReplicaSets.sorted(alive, ReplicaSets.BY_REVISION);
        List<ReplicaSet> out = new ArrayList<>();
        for (ReplicaSet rs : byRevision.subList(0, diff)) {
            if (ReplicaSets.statusReplicas(rs) == 0 && ReplicaSets.spec(rs) == 0 && settled(rs)) {
                out.add(rs);
            }
        }
        return out;
    }

    private static boolean settled(ReplicaSet rs) {
        long generation = rs.getMetadata().getGeneration() == null ? 0 : rs.getMetadata().getGeneration();
        Long observed = rs.getStatus() == null ? null : rs.getStatus().getObservedGeneration();
        return generation <= (observed == null ? 0 : observed);
    }
}
