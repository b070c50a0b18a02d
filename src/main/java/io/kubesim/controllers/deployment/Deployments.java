package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

/** Null-safe reads of a Deployment's spec, with the API defaults for absent fields. */
final class Deployments {

    static final String ROLLING_UPDATE = "RollingUpdate";
    static final String RECREATE = "Recreate";

    private Deployments() {
    }

    static int replicas(Deployment d) {
        return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    }

    static String strategyType(Deployment d) {
        return d.getSpec().getStrategy() == null || d.getSpec().getStrategy().getType() == null
                ? ROLLING_UPDATE : d.getSpec().getStrategy().getType();
    }

    static boolean isRollingUpdate(Deployment d) {
        return ROLLING_UPDATE.equals(strategyType(d));
    }

    static boolean paused(Deployment d) {
        return Boolean.TRUE.equals(d.getSpec().getPaused());
    }

    static int minReadySeconds(Deployment d) {
        return d.getSpec().getMinReadySeconds() == null ? 0 : d.getSpec().getMinReadySeconds();
    }

    /** {@code HasProgressDeadline}: set and not {@code MaxInt32}. */
    static boolean hasProgressDeadline(Deployment d) {
        Integer p = d.getSpec().getProgressDeadlineSeconds();
        return p != null && p != Integer.MAX_VALUE;
    }

    static Integer revisionHistoryLimit(Deployment d) {
        return d.getSpec().getRevisionHistoryLimit();
    }

    static long generation(Deployment d) {
        return d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    }

    /** The status, never null. */
    static DeploymentStatus status(Deployment d) {
        if (d.getStatus() == null) {
            d.setStatus(new DeploymentStatus());
        }
        return d.getStatus();
    }

    static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
