package io.kubesim.controllers.replicaset;

/** A ReplicaSet / ReplicationController status condition, independent of the kind's model class. */
public record ReplicaCondition(String type, String status, String reason, String message, String lastTransitionTime) {

    /** {@code apps.ReplicaSetReplicaFailure}. */
    public static final String REPLICA_FAILURE = "ReplicaFailure";
}
