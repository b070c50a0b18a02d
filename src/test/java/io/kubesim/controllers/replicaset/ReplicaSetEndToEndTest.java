package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.kubesim.support.ClusterTestBase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ReplicaSet and ReplicationController controllers against the simulated cluster, through fabric8. */
class ReplicaSetEndToEndTest extends ClusterTestBase {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String UNREADY = "app: {readiness: [{result: failure}]}";

    private static PodTemplateSpec template(String app) {
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(Map.of("app", app)).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("nginx:1.27").endContainer().endSpec().build();
    }

    private ReplicaSet createReplicaSet(String name, int replicas, PodTemplateSpec template) {
        return client.apps().replicaSets().resource(new ReplicaSetBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector()
                .withMatchLabels(template.getMetadata().getLabels()).endSelector().withTemplate(template).endSpec()
                .build()).create();
    }

    private ReplicaSet replicaSet(String name) {
        return client.apps().replicaSets().withName(name).get();
    }

    /** Active (not terminating, not terminal) pods controlled by the named owner. */
    private List<Pod> ownedPods(String owner) {
        return client.pods().list().getItems().stream().filter(Pods::isActive)
                .filter(p -> OwnerRefs.controllerOf(p) != null && owner.equals(OwnerRefs.controllerOf(p).getName()))
                .toList();
    }

    private Set<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    }

    private void awaitReady(String name, int replicas) {
        await().atMost(DEADLINE).until(() -> {
            ReplicaSet rs = replicaSet(name);
            return rs.getStatus() != null && Objects.equals(rs.getStatus().getReadyReplicas(), replicas)
                    && Objects.equals(rs.getStatus().getReplicas(), replicas) && ownedPods(name).size() == replicas;
        });
    }

    private List<Event> events(String involved, String reason) {
        return client.v1().events().list().getItems().stream()
                .filter(e -> involved.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason())).toList();
    }

    private void scale(String name, int replicas) {
        client.apps().replicaSets().withName(name).scale(replicas);
    }

    @Test
    void aDeletedPodIsReplaced() {
        createReplicaSet("web", 3, template("web"));
        awaitReady("web", 3);
        ReplicaSet rs = replicaSet("web");
        assertThat(rs.getStatus().getAvailableReplicas()).isEqualTo(3);
        assertThat(rs.getStatus().getFullyLabeledReplicas()).isEqualTo(3);
        assertThat(rs.getStatus().getObservedGeneration()).isEqualTo(rs.getMetadata().getGeneration());
        Set<String> before = names(ownedPods("web"));
        assertThat(before).allMatch(n -> n.matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}"));
        String victim = before.iterator().next();
        client.pods().withName(victim).delete();
        await().atMost(DEADLINE).until(() -> {
            Set<String> now = names(ownedPods("web"));
            return now.size() == 3 && !now.contains(victim);
        });
        awaitReady("web", 3);
        await().atMost(DEADLINE).until(() -> events("web", "SuccessfulCreate").size() == 4);
        assertThat(events("web", "SuccessfulCreate")).allMatch(e -> e.getMessage().startsWith("Created pod: web-")
                && "replicaset-controller".equals(e.getSource().getComponent()));
    }

    @Test
    void scalingDownRemovesUnscheduledThenUnreadyPodsFirst() {
        createReplicaSet("web", 2, template("web"));
        awaitReady("web", 2);
        Set<String> healthy = names(ownedPods("web"));

        PodTemplateSpec unready = template("web");
        unready.getMetadata().setAnnotations(Map.of("kubesim.io/behavior", UNREADY));
        unready.getSpec().getContainers().get(0).setReadinessProbe(new io.fabric8.kubernetes.api.model.ProbeBuilder()
                .withNewExec().withCommand("true").endExec().withPeriodSeconds(1).build());
        client.apps().replicaSets().withName("web").edit(r -> { r.getSpec().setTemplate(unready); return r; });
        scale("web", 3);
        await().atMost(DEADLINE).until(() -> ownedPods("web").stream().anyMatch(p -> !healthy.contains(p.getMetadata().getName())
                && "Running".equals(Pods.phase(p))));
        String notReady = ownedPods("web").stream().map(p -> p.getMetadata().getName()).filter(n -> !healthy.contains(n))
                .findFirst().orElseThrow();

        PodTemplateSpec unschedulable = template("web");
        unschedulable.getSpec().setNodeSelector(Map.of("kubesim.io/nowhere", "true"));
        client.apps().replicaSets().withName("web").edit(r -> { r.getSpec().setTemplate(unschedulable); return r; });
        scale("web", 4);
        await().atMost(DEADLINE).until(() -> ownedPods("web").size() == 4);
        String pending = ownedPods("web").stream().map(p -> p.getMetadata().getName())
                .filter(n -> !healthy.contains(n) && !n.equals(notReady)).findFirst().orElseThrow();
        await().atMost(DEADLINE).until(() -> replicaSet("web").getStatus().getReplicas() == 4);

        scale("web", 3);
        await().atMost(DEADLINE).until(() -> names(ownedPods("web")).equals(union(healthy, notReady)));
        scale("web", 2);
        await().atMost(DEADLINE).until(() -> names(ownedPods("web")).equals(healthy));
        assertThat(events("web", "SuccessfulDelete")).extracting(Event::getMessage)
                .contains("Deleted pod: " + pending, "Deleted pod: " + notReady);
    }

    private static Set<String> union(Set<String> a, String b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.add(b);
        return out;
    }

    @Test
    void orphansAreAdoptedAndReleasedWhenTheirLabelsStopMatching() {
        Pod orphan = client.pods().resource(new PodBuilder().withNewMetadata().withName("orphan")
                .withLabels(Map.of("app", "adopt")).endMetadata().withSpec(template("adopt").getSpec()).build()).create();
        ReplicaSet rs = createReplicaSet("adopter", 1, template("adopt"));
        await().atMost(DEADLINE).until(() -> OwnerRefs.controllerOf(client.pods().withName("orphan").get()) != null);
        OwnerReference ref = OwnerRefs.controllerOf(client.pods().withName("orphan").get());
        assertThat(List.of(ref.getApiVersion(), ref.getKind(), ref.getName(), ref.getUid()))
                .containsExactly("apps/v1", "ReplicaSet", "adopter", rs.getMetadata().getUid());
        assertThat(ref.getBlockOwnerDeletion()).isTrue();
        awaitReady("adopter", 1);
        assertThat(names(ownedPods("adopter"))).as("the orphan counts; nothing else was created").containsExactly("orphan");

        client.pods().withName("orphan").edit(p -> {
            p.getMetadata().setLabels(Map.of("app", "elsewhere"));
            return p;
        });
        await().atMost(DEADLINE).until(() -> OwnerRefs.controllerOf(client.pods().withName("orphan").get()) == null);
        await().atMost(DEADLINE).until(() -> ownedPods("adopter").size() == 1
                && !names(ownedPods("adopter")).contains("orphan"));
        assertThat(client.pods().withName("orphan").get().getMetadata().getUid()).isEqualTo(orphan.getMetadata().getUid());
    }

    @Test
    void aFailingCreateIsReportedAndClearedOnceFixed() {
        PodTemplateSpec broken = template("broken");
        broken.getSpec().setPriorityClassName("no-such-class");
        createReplicaSet("broken", 3, broken);
        await().atMost(DEADLINE).until(() -> {
            ReplicaSet rs = replicaSet("broken");
            return rs.getStatus() != null && rs.getStatus().getConditions() != null && !rs.getStatus().getConditions().isEmpty();
        });
        ReplicaSetCondition c = replicaSet("broken").getStatus().getConditions().get(0);
        assertThat(List.of(c.getType(), c.getStatus(), c.getReason())).containsExactly("ReplicaFailure", "True", "FailedCreate");
        assertThat(c.getMessage()).contains("no PriorityClass with name no-such-class was found");
        await().atMost(DEADLINE).until(() -> !events("broken", "FailedCreate").isEmpty());
        Event failed = events("broken", "FailedCreate").get(0);
        assertThat(failed.getType()).isEqualTo("Warning");
        assertThat(failed.getMessage()).startsWith("Error creating: ").contains("no PriorityClass with name no-such-class");
        assertThat(events("broken", "FailedCreate")).as("slow start: one failing create per sync, no burst").hasSize(1);

        client.apps().replicaSets().withName("broken").edit(r -> {
            r.getSpec().getTemplate().getSpec().setPriorityClassName(null);
            return r;
        });
        awaitReady("broken", 3);
        await().atMost(DEADLINE).until(() -> replicaSet("broken").getStatus().getConditions() == null
                || replicaSet("broken").getStatus().getConditions().isEmpty());
    }

    @Test
    void replicationControllersRunTheSameWay() {
        client.replicationControllers().resource(new ReplicationControllerBuilder().withNewMetadata().withName("legacy")
                .endMetadata().withNewSpec().withReplicas(2).withTemplate(template("legacy")).endSpec().build()).create();
        await().atMost(DEADLINE).until(() -> {
            ReplicationController rc = client.replicationControllers().withName("legacy").get();
            return rc.getStatus() != null && Objects.equals(rc.getStatus().getReadyReplicas(), 2)
                    && Objects.equals(rc.getStatus().getAvailableReplicas(), 2);
        });
        List<Pod> pods = ownedPods("legacy");
        assertThat(pods).hasSize(2);
        OwnerReference ref = OwnerRefs.controllerOf(pods.get(0));
        assertThat(List.of(ref.getApiVersion(), ref.getKind())).containsExactly("v1", "ReplicationController");
        assertThat(pods.get(0).getMetadata().getName()).startsWith("legacy-");
        await().atMost(DEADLINE).until(() -> events("legacy", "SuccessfulCreate").size() == 2);
        assertThat(events("legacy", "SuccessfulCreate").get(0).getSource().getComponent()).isEqualTo("replication-controller");

        client.replicationControllers().withName("legacy").scale(0);
        await().atMost(DEADLINE).until(() -> ownedPods("legacy").isEmpty()
                && client.replicationControllers().withName("legacy").get().getStatus().getReplicas() == 0);
        await().atMost(DEADLINE).until(() -> events("legacy", "SuccessfulDelete").size() == 2);
    }
}
