package io.kubesim.registry.defaults;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Workload defaults: {@code pkg/apis/apps/v1/defaults.go} (Deployment, ReplicaSet, DaemonSet, StatefulSet) and
 * {@code SetDefaults_ReplicationController} of {@code pkg/apis/core/v1/defaults.go} (replicas via the declarative
 * {@code +default=1}). Templates get the pod-spec and container defaults, never the pod-only ones.
 */
final class WorkloadDefaults {

    static final String PERCENT_25 = "25%";
    static final int REVISION_HISTORY_LIMIT = 10;
    static final int PROGRESS_DEADLINE_SECONDS = 600;

    private WorkloadDefaults() {
    }

    static void replicaSet(ReplicaSet rs) {
        if (rs == null) {
            return;
        }
        if (rs.getSpec() == null) {
            rs.setSpec(new ReplicaSetSpec());
        }
        if (rs.getSpec().getReplicas() == null) {
            rs.getSpec().setReplicas(1);
        }
        PodDefaults.template(rs.getSpec().getTemplate());
        if (rs.getStatus() != null && rs.getStatus().getReplicas() == null) {
            rs.getStatus().setReplicas(0); // not omitempty in Go: a written status always shows it
        }
    }

    static void replicationController(ReplicationController rc) {
        if (rc == null) {
            return;
        }
        if (rc.getSpec() == null) {
            rc.setSpec(new ReplicationControllerSpec());
        }
        ReplicationControllerSpec spec = rc.getSpec();
        Map<String, String> labels = spec.getTemplate() == null || spec.getTemplate().getMetadata() == null
                ? null : spec.getTemplate().getMetadata().getLabels();
        if (labels != null) {
            if (spec.getSelector() == null || spec.getSelector().isEmpty()) {
                spec.setSelector(new LinkedHashMap<>(labels));
            }
            if (rc.getMetadata() == null) {
                rc.setMetadata(new ObjectMeta());
            }
            if (rc.getMetadata().getLabels() == null || rc.getMetadata().getLabels().isEmpty()) {
                rc.getMetadata().setLabels(new LinkedHashMap<>(labels));
            }
        }
        if (spec.getReplicas() == null) {
            spec.setReplicas(1);
        }
        PodDefaults.template(spec.getTemplate());
        if (rc.getStatus() != null && rc.getStatus().getReplicas() == null) {
            rc.getStatus().setReplicas(0); // not omitempty in Go: a written status always shows it
        }
    }

    static void deployment(Deployment d) {
        if (d == null) {
            return;
        }
        if (d.getSpec() == null) {
            d.setSpec(new DeploymentSpec());
        }
        DeploymentSpec spec = d.getSpec();
        if (spec.getReplicas() == null) {
            spec.setReplicas(1);
        }
        deploymentStrategy(spec);
        if (spec.getRevisionHistoryLimit() == null) {
            spec.setRevisionHistoryLimit(REVISION_HISTORY_LIMIT);
        }
        if (spec.getProgressDeadlineSeconds() == null) {
            spec.setProgressDeadlineSeconds(PROGRESS_DEADLINE_SECONDS);
        }
        PodDefaults.template(spec.getTemplate());
    }

    private static void deploymentStrategy(DeploymentSpec spec) {
        if (spec.getStrategy() == null) {
            spec.setStrategy(new DeploymentStrategy());
        }
        DeploymentStrategy strategy = spec.getStrategy();
        if (ContainerDefaults.isEmpty(strategy.getType())) {
            strategy.setType("RollingUpdate");
        }
        if ("RollingUpdate".equals(strategy.getType())) {
            RollingUpdateDeployment ru = Objects.requireNonNullElseGet(strategy.getRollingUpdate(),
                    RollingUpdateDeployment::new);
            if (ru.getMaxUnavailable() == null) {
                ru.setMaxUnavailable(new IntOrString(PERCENT_25));
            }
            if (ru.getMaxSurge() == null) {
                ru.setMaxSurge(new IntOrString(PERCENT_25));
            }
            strategy.setRollingUpdate(ru);
        }
    }

    static void daemonSet(DaemonSet ds) {
        if (ds == null) {
            return;
        }
        if (ds.getSpec() == null) {
            ds.setSpec(new DaemonSetSpec());
        }
        DaemonSetSpec spec = ds.getSpec();
        DaemonSetUpdateStrategy strategy = Objects.requireNonNullElseGet(spec.getUpdateStrategy(),
                DaemonSetUpdateStrategy::new);
        spec.setUpdateStrategy(strategy);
        if (ContainerDefaults.isEmpty(strategy.getType())) {
            strategy.setType("RollingUpdate");
        }
        if ("RollingUpdate".equals(strategy.getType())) {
            RollingUpdateDaemonSet ru = Objects.requireNonNullElseGet(strategy.getRollingUpdate(),
                    RollingUpdateDaemonSet::new);
            if (ru.getMaxUnavailable() == null) {
                ru.setMaxUnavailable(new IntOrString(1));
            }
            if (ru.getMaxSurge() == null) {
                ru.setMaxSurge(new IntOrString(0));
            }
            strategy.setRollingUpdate(ru);
        }
        if (spec.getRevisionHistoryLimit() == null) {
            spec.setRevisionHistoryLimit(REVISION_HISTORY_LIMIT);
        }
        PodDefaults.template(spec.getTemplate());
    }

    static void statefulSet(StatefulSet ss) {
        if (ss == null) {
            return;
        }
        if (ss.getSpec() == null) {
            ss.setSpec(new StatefulSetSpec());
        }
        StatefulSetSpec spec = ss.getSpec();
        if (ContainerDefaults.isEmpty(spec.getPodManagementPolicy())) {
            spec.setPodManagementPolicy("OrderedReady");
        }
        statefulSetStrategy(spec);
        claimRetention(spec);
        if (spec.getReplicas() == null) {
            spec.setReplicas(1);
        }
        if (spec.getRevisionHistoryLimit() == null) {
            spec.setRevisionHistoryLimit(REVISION_HISTORY_LIMIT);
        }
        PodDefaults.template(spec.getTemplate());
        if (spec.getVolumeClaimTemplates() != null) {
            spec.getVolumeClaimTemplates().forEach(ClusterDefaults::persistentVolumeClaim);
        }
    }

    /** StatefulSetAutoDeletePVC (GA): both retention policies default to {@code Retain}. */
    private static void claimRetention(StatefulSetSpec spec) {
        StatefulSetPersistentVolumeClaimRetentionPolicy retention = Objects.requireNonNullElseGet(
                spec.getPersistentVolumeClaimRetentionPolicy(), StatefulSetPersistentVolumeClaimRetentionPolicy::new);
        if (ContainerDefaults.isEmpty(retention.getWhenDeleted())) {
            retention.setWhenDeleted("Retain");
        }
        if (ContainerDefaults.isEmpty(retention.getWhenScaled())) {
            retention.setWhenScaled("Retain");
        }
        spec.setPersistentVolumeClaimRetentionPolicy(retention);
    }

    private static void statefulSetStrategy(StatefulSetSpec spec) {
        if (spec.getUpdateStrategy() == null) {
            spec.setUpdateStrategy(new StatefulSetUpdateStrategy());
        }
        StatefulSetUpdateStrategy strategy = spec.getUpdateStrategy();
        if (ContainerDefaults.isEmpty(strategy.getType())) {
            strategy.setType("RollingUpdate");
            if (strategy.getRollingUpdate() == null) {
                strategy.setRollingUpdate(new RollingUpdateStatefulSetStrategy());
            }
        }
        if ("RollingUpdate".equals(strategy.getType()) && strategy.getRollingUpdate() != null
                && strategy.getRollingUpdate().getPartition() == null) {
            strategy.getRollingUpdate().setPartition(0);
        }
    }
}
