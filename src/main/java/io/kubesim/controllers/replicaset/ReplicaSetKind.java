package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.kubesim.selection.LabelSelector;
import io.kubesim.selection.SelectorParseException;

import java.util.List;

/** apps/v1 ReplicaSet for the replica controller. */
public final class ReplicaSetKind implements ReplicaKind<ReplicaSet> {

    @Override
    public Class<ReplicaSet> type() {
        return ReplicaSet.class;
    }

    @Override
    public String kind() {
        return "ReplicaSet";
    }

    @Override
    public String apiVersion() {
        return "apps/v1";
    }

    @Override
    public String controllerName() {
        return "replicaset-controller";
    }

    @Override
    public LabelSelector selector(ReplicaSet rs) {
        try {
            return LabelSelector.fromLabelSelector(rs.getSpec().getSelector());
        } catch (SelectorParseException e) {
            return LabelSelector.nothing();
        }
    }

    @Override
    public int replicas(ReplicaSet rs) {
        return rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    }

    @Override
    public int minReadySeconds(ReplicaSet rs) {
        return rs.getSpec().getMinReadySeconds() == null ? 0 : rs.getSpec().getMinReadySeconds();
    }

    @Override
    public PodTemplateSpec template(ReplicaSet rs) {
        return rs.getSpec().getTemplate();
    }

    @Override
    public boolean reportsTerminating() {
        return true;
    }

    @Override
    public ReplicaStatus status(ReplicaSet rs) {
        ReplicaSetStatus s = rs.getStatus();
        if (s == null) {
            return ReplicaStatus.EMPTY;
        }
        List<ReplicaCondition> conditions = s.getConditions() == null ? List.of() : s.getConditions().stream()
                .map(c -> new ReplicaCondition(c.getType(), c.getStatus(), c.getReason(), c.getMessage(),
                        c.getLastTransitionTime())).toList();
        return new ReplicaStatus(n(s.getReplicas()), n(s.getFullyLabeledReplicas()), n(s.getReadyReplicas()),
                n(s.getAvailableReplicas()), s.getTerminatingReplicas(),
                s.getObservedGeneration() == null ? 0 : s.getObservedGeneration(), conditions);
    }

    @Override
    public void setStatus(ReplicaSet rs, ReplicaStatus status) {
        ReplicaSetStatus s = new ReplicaSetStatus();
        s.setReplicas(status.replicas());
        s.setFullyLabeledReplicas(status.fullyLabeledReplicas());
        s.setReadyReplicas(status.readyReplicas());
        s.setAvailableReplicas(status.availableReplicas());
        s.setTerminatingReplicas(status.terminatingReplicas());
        s.setObservedGeneration(status.observedGeneration());
        s.setConditions(status.conditions().isEmpty() ? null : status.conditions().stream()
                .map(c -> new ReplicaSetCondition(c.lastTransitionTime(), c.message(), c.reason(), c.status(), c.type()))
                .toList());
        rs.setStatus(s);
    }

    static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
