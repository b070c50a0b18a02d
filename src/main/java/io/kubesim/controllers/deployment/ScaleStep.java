package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

/**
 * One planned ReplicaSet resize, executed in plan order.
 *
 * @param replicaSet the ReplicaSet as the planner saw it
 * @param replicas   the new {@code spec.replicas}
 * @param operation  null: {@code scaleReplicaSetAndRecordEvent} (nothing when the size is unchanged, "up" or
 *                   "down" by comparison); otherwise {@code scaleReplicaSet} with this word for the event, which
 *                   also refreshes the desired/max replicas annotations when the size is unchanged
 */
record ScaleStep(ReplicaSet replicaSet, int replicas, String operation) {

    static ScaleStep ifChanged(ReplicaSet rs, int replicas) {
        return new ScaleStep(rs, replicas, null);
    }

    static ScaleStep proportional(ReplicaSet rs, int replicas, String operation) {
        return new ScaleStep(rs, replicas, operation);
    }

    String name() {
        return replicaSet.getMetadata().getName();
    }
}
