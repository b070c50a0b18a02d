package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.kubesim.controllers.replicaset.KubeTime;

import java.time.Instant;
import java.util.Map;

/** Deployments and ReplicaSets for planner tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private Fixtures() {
    }

    static PodTemplateSpec template(String image) {
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec().build();
    }

    static Deployment rolling(int replicas, Object maxSurge, Object maxUnavailable) {
        return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("ns").withUid("d-uid")
                .withGeneration(1L).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
                .withTemplate(template("nginx:2")).withProgressDeadlineSeconds(600).withRevisionHistoryLimit(10)
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(intOrString(maxSurge)).withMaxUnavailable(intOrString(maxUnavailable))
                .endRollingUpdate().endStrategy().endSpec().build();
    }

    static Deployment recreate(int replicas) {
        Deployment d = rolling(replicas, 0, 1);
        d.getSpec().getStrategy().setType("Recreate");
        d.getSpec().getStrategy().setRollingUpdate(null);
        return d;
    }

    static IntOrString intOrString(Object v) {
        return v instanceof Integer i ? new IntOrString(i) : new IntOrString((String) v);
    }

    /** A ReplicaSet created {@code ageSeconds} before {@link #NOW}, with the given spec and available replicas. */
    static ReplicaSet rs(String name, int ageSeconds, int spec, int available) {
        return new ReplicaSetBuilder().withNewMetadata().withName(name).withNamespace("ns").withUid("uid-" + name)
                .withCreationTimestamp(KubeTime.format(NOW.minusSeconds(ageSeconds))).withGeneration(1L).endMetadata()
                .withNewSpec().withReplicas(spec).withTemplate(template("nginx:" + name)).endSpec()
                .withNewStatus().withReplicas(spec).withReadyReplicas(available).withAvailableReplicas(available)
                .withObservedGeneration(1L).endStatus().build();
    }

    static ReplicaSet annotated(ReplicaSet rs, String key, String value) {
        rs.getMetadata().setAnnotations(new java.util.HashMap<>(rs.getMetadata().getAnnotations() == null
                ? Map.of() : rs.getMetadata().getAnnotations()));
        rs.getMetadata().getAnnotations().put(key, value);
        return rs;
    }

    static ReplicaSet withSpec(ReplicaSet rs, int spec) {
        ReplicaSet copy = new ReplicaSetBuilder(rs).build();
        copy.getSpec().setReplicas(spec);
        return copy;
    }

    static ReplicaSet withStatus(ReplicaSet rs, int replicas, int available) {
        ReplicaSet copy = new ReplicaSetBuilder(rs).build();
        copy.getStatus().setReplicas(replicas);
        copy.getStatus().setReadyReplicas(available);
        copy.getStatus().setAvailableReplicas(available);
        return copy;
    }
}
