package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.Deletion;
import io.kubesim.controller.ResourceClient;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The sync flows of {@code rolling.go}, {@code recreate.go} and {@code sync.go}: read the ReplicaSets, act through
 * the planners and the scaler, clean up history once complete, and write the status.
 */
final class Rollouts {

    private final ResourceClient client;
    private final NewReplicaSets newReplicaSets;
    private final ReplicaSetScaler scaler;
    private final RolloutStatusWriter status;

    Rollouts(ResourceClient client, NewReplicaSets newReplicaSets, ReplicaSetScaler scaler, RolloutStatusWriter status) {
        this.client = client;
        this.newReplicaSets = newReplicaSets;
        this.scaler = scaler;
        this.status = status;
    }

    /** {@code rolloutRolling}: scale the new ReplicaSet up, else the old ones down, one step per sync. */
    void rolling(DeploymentSync sync) {
        NewReplicaSets.Split split = newReplicaSets.split(sync, true);
        ReplicaSet newRS = split.newRS();
        OptionalInt newSize = RollingPlanner.newReplicaSetSize(sync.deployment(), split.all(), newRS);
        if (newSize.isPresent() && scaler.apply(sync, ScaleStep.ifChanged(newRS, newSize.getAsInt()))) {
            status.syncRolloutStatus(sync, current(sync, split.all()), sync.current(newRS));
            return;
        }
        List<ScaleStep> downs = RollingPlanner.oldReplicaSetScaleDowns(sync.deployment(), split.all(),
                ReplicaSets.active(split.old()), newRS);
        if (scaledDown(sync, downs)) {
            status.syncRolloutStatus(sync, current(sync, split.all()), sync.current(newRS));
            return;
        }
        if (RolloutStatusPlanner.complete(sync.deployment(), Deployments.status(sync.deployment()))) {
            cleanup(sync, split.old());
        }
        status.syncRolloutStatus(sync, split.all(), newRS);
    }

    /** Old ReplicaSet scale-downs; as upstream, a failure counts as "nothing scaled" and the sync goes on. */
    private boolean scaledDown(DeploymentSync sync, List<ScaleStep> downs) {
        try {
            return scaler.apply(sync, downs);
        } catch (ClientException e) {
            return false;
        }
    }

    /**
     * {@code rolloutRecreate}: scale the old ReplicaSets to zero, wait until none of their pods runs, then
     * create or scale the new ReplicaSet to the full count.
     */
    void recreate(DeploymentSync sync, Map<String, List<Pod>> podsByReplicaSetUid) {
        NewReplicaSets.Split split = newReplicaSets.split(sync, false);
        if (scaler.apply(sync, RecreatePlanner.scaleDownOld(ReplicaSets.active(split.old())))) {
            status.syncRolloutStatus(sync, current(sync, split.all()), split.newRS());
            return;
        }
        if (RecreatePlanner.oldPodsRunning(split.newRS(), split.old(), podsByReplicaSetUid)) {
            status.syncRolloutStatus(sync, split.all(), split.newRS());
            return;
        }
        if (split.newRS() == null) {
            split = newReplicaSets.split(sync, true);
        }
        ReplicaSet newRS = split.newRS();
        scaler.apply(sync, ScaleStep.ifChanged(newRS, Deployments.replicas(sync.deployment())));
        if (RolloutStatusPlanner.complete(sync.deployment(), Deployments.status(sync.deployment()))) {
            cleanup(sync, split.old());
        }
        status.syncRolloutStatus(sync, current(sync, split.all()), sync.current(newRS));
    }

    /** {@code sync}: scaling events and paused Deployments; only proportional scaling, no new ReplicaSet. */
    void scale(DeploymentSync sync) {
        NewReplicaSets.Split split = newReplicaSets.split(sync, false);
        scaler.apply(sync, ProportionalPlanner.plan(sync.deployment(), split.newRS(), split.old()));
        if (Deployments.paused(sync.deployment())) {
            cleanup(sync, split.old());
        }
        ReplicaSet newRS = split.newRS() == null ? null : sync.current(split.newRS());
        status.syncStatus(sync, current(sync, split.all()), newRS);
    }

    /** {@code syncStatusOnly}: a Deployment being deleted only reports. */
    void statusOnly(DeploymentSync sync) {
        NewReplicaSets.Split split = newReplicaSets.split(sync, false);
        status.syncStatus(sync, split.all(), split.newRS());
    }

    /** {@code cleanupDeployment}: deletes the old ReplicaSets beyond the revision history limit. */
    private void cleanup(DeploymentSync sync, List<ReplicaSet> old) {
        for (ReplicaSet rs : RevisionHistory.surplus(sync.deployment(), old)) {
            client.delete(ReplicaSet.class, rs.getMetadata().getNamespace(), rs.getMetadata().getName(),
                    Deletion.defaults());
        }
    }

    /** The sync's current versions of these ReplicaSets (null stays out). */
    private static List<ReplicaSet> current(DeploymentSync sync, List<ReplicaSet> list) {
        return list.stream().filter(java.util.Objects::nonNull).map(sync::current).toList();
    }
}
