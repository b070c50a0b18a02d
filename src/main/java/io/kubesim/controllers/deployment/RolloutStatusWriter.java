package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.ResourceClient;

import java.time.Duration;
import java.util.List;

/**
 * Writes a Deployment's status when it changed: {@code syncDeploymentStatus} (counts and Available),
 * {@code syncRolloutStatus} (plus Progressing and ReplicaFailure, and a recheck of a rollout that may be stuck)
 * and {@code checkPausedConditions} (Progressing Unknown DeploymentPaused / DeploymentResumed).
 */
final class RolloutStatusWriter {

    private final ResourceClient client;
    private final ClusterTime time;

    RolloutStatusWriter(ResourceClient client, ClusterTime time) {
        this.client = client;
        this.time = time;
    }

    /** {@code syncDeploymentStatus}. */
    void syncStatus(DeploymentSync sync, List<ReplicaSet> all, ReplicaSet newRS) {
        Deployment d = sync.deployment();
        write(sync, RolloutStatusPlanner.calculate(all, newRS, d, time.now()));
    }

    /** {@code syncRolloutStatus}: when nothing changed, schedules the progress-deadline recheck instead. */
    void syncRolloutStatus(DeploymentSync sync, List<ReplicaSet> all, ReplicaSet newRS) {
        Deployment d = sync.deployment();
        DeploymentStatus status = RolloutStatusPlanner.rollout(all, newRS, d, time.now());
        if (RolloutStatusPlanner.same(d.getStatus(), status)) {
            Duration recheck = RolloutStatusPlanner.stuckRecheck(d, status, time.now());
            if (recheck != null) {
                sync.recheckAfter(recheck);
            }
            return;
        }
        write(sync, status);
    }

    /** {@code checkPausedConditions}; a reported timeout is never overwritten. */
    void checkPaused(DeploymentSync sync) {
        Deployment d = sync.deployment();
        if (!Deployments.hasProgressDeadline(d)) {
            return;
        }
        DeploymentCondition current = DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
        if (current != null && DeploymentConditions.PROGRESS_DEADLINE_EXCEEDED.equals(current.getReason())) {
            return;
        }
        boolean pausedReported = current != null && DeploymentConditions.PAUSED.equals(current.getReason());
        if (Deployments.paused(d) && !pausedReported) {
            setProgressing(sync, DeploymentConditions.PAUSED, "Deployment is paused");
        } else if (!Deployments.paused(d) && pausedReported) {
            setProgressing(sync, DeploymentConditions.RESUMED, "Deployment is resumed");
        }
    }

    private void setProgressing(DeploymentSync sync, String reason, String message) {
        Deployment d = sync.deployment();
        DeploymentConditions.set(Deployments.status(d), DeploymentConditions.create(DeploymentConditions.PROGRESSING,
                "Unknown", reason, message, time.now()));
        sync.deployment(client.updateStatus(d));
    }

    private void write(DeploymentSync sync, DeploymentStatus status) {
        Deployment d = sync.deployment();
        if (RolloutStatusPlanner.same(d.getStatus(), status)) {
            return;
        }
        d.setStatus(status);
        sync.deployment(client.updateStatus(d));
    }
}
