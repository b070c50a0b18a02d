package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.kubesim.selection.LabelSelector;

/**
 * What the replica controller needs from a kind it runs (upstream runs ReplicationControllers through the
 * ReplicaSet code by conversion): identity, the selector, the desired count and template, and the status.
 * Implementations never mutate the objects they are given, except in {@link #setStatus}.
 */
public interface ReplicaKind<T extends HasMetadata> {

    Class<T> type();

    /** {@code ReplicaSet} or {@code ReplicationController}: the kind in owner references. */
    String kind();

    /** {@code apps/v1} or {@code v1}. */
    String apiVersion();

    /** The event source and loop name: {@code replicaset-controller} or {@code replication-controller}. */
    String controllerName();

    /** The pod selector; {@link LabelSelector#nothing()} when it cannot be parsed. */
    LabelSelector selector(T owner);

    int replicas(T owner);

    int minReadySeconds(T owner);

    PodTemplateSpec template(T owner);

    /** Whether {@code status.terminatingReplicas} is reported (ReplicaSets only). */
    boolean reportsTerminating();

    ReplicaStatus status(T owner);

    /** Writes {@code status} into {@code owner} (a private copy). */
    void setStatus(T owner, ReplicaStatus status);
}
