package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerCondition;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.kubesim.selection.LabelSelector;

import java.util.List;

/**
 * core/v1 ReplicationController for the replica controller: an equality selector from a plain map, events from
 * {@code replication-controller}, and no {@code terminatingReplicas} (as upstream's conversion leaves it out).
 */
public final class ReplicationControllerKind implements ReplicaKind<ReplicationController> {

    @Override
    public Class<ReplicationController> type() {
        return ReplicationController.class;
    }

    @Override
    public String kind() {
        return "ReplicationController";
    }

    @Override
    public String apiVersion() {
        return "v1";
    }

    @Override
    public String controllerName() {
        return "replication-controller";
    }

    @Override
    public LabelSelector selector(ReplicationController rc) {
        return LabelSelector.fromMap(rc.getSpec().getSelector());
    }

    @Override
    public int replicas(ReplicationController rc) {
        return rc.getSpec().getReplicas() == null ? 1 : rc.getSpec().getReplicas();
    }

    @Override
    public int minReadySeconds(ReplicationController rc) {
        return rc.getSpec().getMinReadySeconds() == null ? 0 : rc.getSpec().getMinReadySeconds();
    }

    @Override
    public PodTemplateSpec template(ReplicationController rc) {
        return rc.getSpec().getTemplate();
    }

    @Override
    public boolean reportsTerminating() {
        return false;
    }

    @Override
    public ReplicaStatus status(ReplicationController rc) {
        ReplicationControllerStatus s = rc.getStatus();
        if (s == null) {
            return ReplicaStatus.EMPTY;
        }
        List<ReplicaCondition> conditions = s.getConditions() == null ? List.of() : s.getConditions().stream()
                .map(c -> new ReplicaCondition(c.getType(), c.getStatus(), c.getReason(), c.getMessage(),
                        c.getLastTransitionTime())).toList();
        return new ReplicaStatus(ReplicaSetKind.n(s.getReplicas()), ReplicaSetKind.n(s.getFullyLabeledReplicas()),
                ReplicaSetKind.n(s.getReadyReplicas()), ReplicaSetKind.n(s.getAvailableReplicas()), null,
                s.getObservedGeneration() == null ? 0 : s.getObservedGeneration(), conditions);
    }

    @Override
    public void setStatus(ReplicationController rc, ReplicaStatus status) {
        ReplicationControllerStatus s = new ReplicationControllerStatus();
        s.setReplicas(status.replicas());
        s.setFullyLabeledReplicas(status.fullyLabeledReplicas());
        s.setReadyReplicas(status.readyReplicas());
        s.setAvailableReplicas(status.availableReplicas());
        s.setObservedGeneration(status.observedGeneration());
        s.setConditions(status.conditions().isEmpty() ? null : status.conditions().stream()
                .map(c -> new ReplicationControllerCondition(c.lastTransitionTime(), c.message(), c.reason(),
                        c.status(), c.type()))
                .toList());
        rc.setStatus(s);
    }
}
