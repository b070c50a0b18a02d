package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.replicaset.Pods;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The decisions of {@code recreate.go}: scale every old ReplicaSet to zero, then wait until no old pod is left
 * in a non-terminal phase (terminating pods and pods on lost nodes included) before the new ReplicaSet starts.
 */
final class RecreatePlanner {

    private RecreatePlanner() {
    }

    /** {@code scaleDownOldReplicaSetsForRecreate}. */
    static List<ScaleStep> scaleDownOld(List<ReplicaSet> activeOld) {
        return activeOld.stream().filter(rs -> ReplicaSets.spec(rs) != 0).map(rs -> ScaleStep.ifChanged(rs, 0)).toList();
    }

    /**
     * {@code oldPodsRunning}: an old ReplicaSet still reports pods, or a pod of a ReplicaSet other than the new one
     * is not Succeeded or Failed.
     *
     * @param podsByReplicaSetUid the Deployment's pods grouped by their controller's uid
     */
    static boolean oldPodsRunning(ReplicaSet newRS, List<ReplicaSet> oldRSs, Map<String, List<Pod>> podsByReplicaSetUid) {
        if (ReplicaSets.sumStatus(oldRSs) > 0) {
            return true;
        }
        String newUid = newRS == null ? null : newRS.getMetadata().getUid();
        for (Map.Entry<String, List<Pod>> e : podsByReplicaSetUid.entrySet()) {
            if (Objects.equals(e.getKey(), newUid)) {
                continue;
            }
            if (e.getValue().stream().anyMatch(p -> !Pods.isTerminal(p))) {
                return true;
            }
        }
        return false;
    }
}
