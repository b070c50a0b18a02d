package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.kubesim.controller.EventRecorder;
import io.kubesim.controller.ResourceClient;

import java.util.List;

/**
 * {@code scaleReplicaSet} / {@code scaleReplicaSetAndRecordEvent}: resizes a ReplicaSet (a conditional update
 * of the cached version, refreshing its desired/max replicas annotations) and records
 * {@code ScalingReplicaSet} "Scaled up|down replica set NAME from A to B" on the Deployment.
 */
final class ReplicaSetScaler {

    static final EventRecorder.Source SOURCE = new EventRecorder.Source("deployment-controller", null);

    private final ResourceClient client;
    private final EventRecorder events;

    ReplicaSetScaler(ResourceClient client, EventRecorder events) {
        this.client = client;
        this.events = events;
    }

    /**
     * Executes the steps in order against the sync's current ReplicaSet versions; a failing write throws and
     * leaves the rest undone.
     *
     * @return whether any ReplicaSet changed size
     */
    boolean apply(DeploymentSync sync, List<ScaleStep> steps) {
        boolean scaled = false;
        for (ScaleStep step : steps) {
            scaled |= apply(sync, step);
        }
        return scaled;
    }

    /** Executes one step; returns whether the size changed. */
    boolean apply(DeploymentSync sync, ScaleStep step) {
        ReplicaSet rs = sync.current(step.replicaSet());
        String operation = step.operation();
        if (operation == null) {
            if (ReplicaSets.spec(rs) == step.replicas()) {
                return false;
            }
            operation = ReplicaSets.spec(rs) < step.replicas() ? "up" : "down";
        }
        return scale(sync, rs, step.replicas(), operation);
    }

    private boolean scale(DeploymentSync sync, ReplicaSet rs, int replicas, String operation) {
        Deployment d = sync.deployment();
        int desired = Deployments.replicas(d);
        int max = desired + RolloutMath.maxSurge(d);
        int from = ReplicaSets.spec(rs);
        boolean resize = from != replicas;
        if (!resize && !DeploymentAnnotations.replicasAnnotationsNeedUpdate(rs, desired, max)) {
            return false;
        }
        ReplicaSet copy = new ReplicaSetBuilder(rs).build();
        copy.getSpec().setReplicas(replicas);
        DeploymentAnnotations.setReplicasAnnotations(copy, desired, max);
        ReplicaSet written = sync.replace(client.update(copy));
        if (resize) {
            events.normal(d, null, SOURCE, "ScalingReplicaSet", "Scaled " + operation + " replica set "
                    + written.getMetadata().getName() + " from " + from + " to " + replicas);
        }
        return resize;
    }
}
