package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.kubesim.controllers.replicaset.KubeTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deployment conditions with the reasons and rules of {@code deployment_util.go}: setting a condition with the
 * same status and reason changes nothing; with the same status, the lastTransitionTime is kept. Lists are
 * replaced, never mutated, so statuses copied from the cache stay untouched.
 */
final class DeploymentConditions {

    static final String AVAILABLE = "Available";
    static final String PROGRESSING = "Progressing";
    static final String REPLICA_FAILURE = "ReplicaFailure";

    static final String MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
    static final String MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";
    static final String NEW_REPLICA_SET_CREATED = "NewReplicaSetCreated";
    static final String FOUND_NEW_REPLICA_SET = "FoundNewReplicaSet";
    static final String REPLICA_SET_UPDATED = "ReplicaSetUpdated";
    static final String NEW_REPLICA_SET_AVAILABLE = "NewReplicaSetAvailable";
    static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
    static final String REPLICA_SET_CREATE_ERROR = "ReplicaSetCreateError";
    static final String PAUSED = "DeploymentPaused";
    static final String RESUMED = "DeploymentResumed";

    private DeploymentConditions() {
    }

    /** {@code NewDeploymentCondition}: both times are now. */
    static DeploymentCondition create(String type, String status, String reason, String message, Instant now) {
        String t = KubeTime.format(now);
        return new DeploymentCondition(t, t, message, reason, status, type);
    }

    static DeploymentCondition get(DeploymentStatus status, String type) {
        if (status == null || status.getConditions() == null) {
            return null;
        }
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    /** {@code SetDeploymentCondition}. */
    static void set(DeploymentStatus status, DeploymentCondition condition) {
        DeploymentCondition current = get(status, condition.getType());
        if (current != null && Objects.equals(current.getStatus(), condition.getStatus())
                && Objects.equals(current.getReason(), condition.getReason())) {
            return;
        }
        if (current != null && Objects.equals(current.getStatus(), condition.getStatus())) {
            condition.setLastTransitionTime(current.getLastTransitionTime());
        }
        List<DeploymentCondition> next = without(status, condition.getType());
        next.add(condition);
        status.setConditions(next);
    }

    /** {@code RemoveDeploymentCondition}. */
    static void remove(DeploymentStatus status, String type) {
        if (get(status, type) != null) {
            status.setConditions(without(status, type));
        }
    }

    private static List<DeploymentCondition> without(DeploymentStatus status, String type) {
        List<DeploymentCondition> out = new ArrayList<>();
        if (status.getConditions() != null) {
            status.getConditions().stream().filter(c -> !type.equals(c.getType())).forEach(out::add);
        }
        return out;
    }

    /** {@code ReplicaSetToDeploymentCondition}: lastUpdateTime is the ReplicaSet condition's transition time. */
    static DeploymentCondition fromReplicaSet(ReplicaSetCondition c) {
        return new DeploymentCondition(c.getLastTransitionTime(), c.getLastTransitionTime(), c.getMessage(),
                c.getReason(), c.getStatus(), c.getType());
    }

    static DeploymentCondition copy(DeploymentCondition c) {
        return new DeploymentCondition(c.getLastTransitionTime(), c.getLastUpdateTime(), c.getMessage(), c.getReason(),
                c.getStatus(), c.getType());
    }

    static boolean sameCondition(DeploymentCondition a, DeploymentCondition b) {
        return Objects.equals(a.getType(), b.getType()) && Objects.equals(a.getStatus(), b.getStatus())
                && Objects.equals(a.getReason(), b.getReason()) && Objects.equals(a.getMessage(), b.getMessage())
                && Objects.equals(a.getLastUpdateTime(), b.getLastUpdateTime())
                && Objects.equals(a.getLastTransitionTime(), b.getLastTransitionTime());
    }
}
