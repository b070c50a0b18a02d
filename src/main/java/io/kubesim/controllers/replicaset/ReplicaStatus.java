package io.kubesim.controllers.replicaset;

import java.util.List;

/**
 * The status of a replica controller (ReplicaSet or ReplicationController) as a value: absent counts are 0,
 * absent conditions an empty list; {@code terminatingReplicas} stays null where the kind does not report it.
 */
public record ReplicaStatus(int replicas, int fullyLabeledReplicas, int readyReplicas, int availableReplicas,
                            Integer terminatingReplicas, long observedGeneration, List<ReplicaCondition> conditions) {

    public ReplicaStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public static final ReplicaStatus EMPTY = new ReplicaStatus(0, 0, 0, 0, null, 0, List.of());

    /** The same status observed at another generation. */
    public ReplicaStatus withObservedGeneration(long generation) {
        return new ReplicaStatus(replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, terminatingReplicas,
                generation, conditions);
    }

    /** The condition of a type, or null. */
    public ReplicaCondition condition(String type) {
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst().orElse(null);
    }
}
