package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The two kinds behind one code path, and pods made from a template. */
class ReplicaKindsTest {

    private static final ReplicaStatus STATUS = new ReplicaStatus(3, 2, 2, 1, 1, 7,
            List.of(new ReplicaCondition("ReplicaFailure", "True", "FailedCreate", "quota", "2026-01-01T00:00:00Z")));

    private static PodTemplateSpec template() {
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(Map.of("app", "web"))
                .withAnnotations(Map.of("a", "b")).withFinalizers("example.com/keep").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("nginx")
                .withNewResources().addToRequests("cpu", new Quantity("100m")).endResources().endContainer()
                .endSpec().build();
    }

    @Test
    void replicaSetStatusRoundTrips() {
        ReplicaSetKind kind = new ReplicaSetKind();
        ReplicaSet rs = new ReplicaSetBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector().endSpec().build();
        kind.setStatus(rs, STATUS);
        assertThat(kind.status(rs)).isEqualTo(STATUS);
        assertThat(rs.getStatus().getConditions().get(0).getType()).isEqualTo("ReplicaFailure");
        assertThat(kind.selector(rs).matches(Map.of("app", "web"))).isTrue();
        assertThat(kind.replicas(rs)).isEqualTo(1);
    }

    @Test
    void replicationControllersUseAnEqualitySelectorAndNoTerminatingCount() {
        ReplicationControllerKind kind = new ReplicationControllerKind();
        ReplicationController rc = new ReplicationControllerBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(2).withSelector(Map.of("app", "web")).endSpec().build();
        kind.setStatus(rc, STATUS);
        assertThat(kind.status(rc)).isEqualTo(new ReplicaStatus(3, 2, 2, 1, null, 7, STATUS.conditions()));
        assertThat(kind.selector(rc).matches(Map.of("app", "web", "x", "y"))).isTrue();
        assertThat(kind.selector(rc).matches(Map.of("app", "db"))).isFalse();
        assertThat(kind.controllerName()).isEqualTo("replication-controller");
        assertThat(kind.apiVersion()).isEqualTo("v1");
    }

    @Test
    void podsFromATemplateGetItsMetadataTheControllerRefAndACopyOfTheSpec() {
        ReplicaSet owner = new ReplicaSetBuilder().withNewMetadata().withName("web-5d8f").withNamespace("ns")
                .withUid("u1").endMetadata().build();
        PodTemplateSpec template = template();
        OwnerReference ref = OwnerRefs.newControllerRef(owner, "apps/v1", "ReplicaSet");
        Pod pod = PodControl.fromTemplate(owner, template, ref);
        assertThat(pod.getMetadata().getGenerateName()).isEqualTo("web-5d8f-");
        assertThat(pod.getMetadata().getNamespace()).isEqualTo("ns");
        assertThat(pod.getMetadata().getLabels()).containsEntry("app", "web");
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("a", "b");
        assertThat(pod.getMetadata().getFinalizers()).containsExactly("example.com/keep");
        OwnerReference r = pod.getMetadata().getOwnerReferences().get(0);
        assertThat(List.of(r.getApiVersion(), r.getKind(), r.getName(), r.getUid()))
                .containsExactly("apps/v1", "ReplicaSet", "web-5d8f", "u1");
        assertThat(r.getController()).isTrue();
        assertThat(r.getBlockOwnerDeletion()).isTrue();
        pod.getSpec().getContainers().get(0).setImage("changed");
        pod.getMetadata().getLabels().put("x", "y");
        assertThat(template.getSpec().getContainers().get(0).getImage()).as("the template is never touched").isEqualTo("nginx");
        assertThat(template.getMetadata().getLabels()).doesNotContainKey("x");
    }
}
