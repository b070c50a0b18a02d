package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Pods for planner tests, built fluently. */
final class TestPods {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final PodBuilder b;

    private TestPods(String name) {
        b = new PodBuilder().withNewMetadata().withName(name).withNamespace("ns").withUid("uid-" + name)
                .withLabels(Map.of("app", "web")).withCreationTimestamp(KubeTime.format(NOW.minusSeconds(3600)))
                .endMetadata().withNewSpec().withNodeName("node-1").endSpec()
                .withNewStatus().withPhase("Running").endStatus();
    }

    static TestPods pod(String name) {
        return new TestPods(name);
    }

    TestPods node(String node) {
        b.editSpec().withNodeName(node).endSpec();
        return this;
    }

    TestPods phase(String phase) {
        b.editStatus().withPhase(phase).endStatus();
        return this;
    }

    TestPods ready(Instant since) {
        b.editStatus().withConditions(List.of(new PodConditionBuilder().withType("Ready").withStatus("True")
                .withLastTransitionTime(KubeTime.format(since)).build())).endStatus();
        return this;
    }

    TestPods notReady() {
        b.editStatus().withConditions(List.of(new PodConditionBuilder().withType("Ready").withStatus("False")
                .withLastTransitionTime(KubeTime.format(NOW)).build())).endStatus();
        return this;
    }

    TestPods created(Instant at) {
        b.editMetadata().withCreationTimestamp(KubeTime.format(at)).endMetadata();
        return this;
    }

    TestPods cost(int cost) {
        b.editMetadata().addToAnnotations(PodRanking.DELETION_COST, Integer.toString(cost)).endMetadata();
        return this;
    }

    TestPods restarts(int n) {
        b.editStatus().withContainerStatuses(new ContainerStatusBuilder().withName("app").withRestartCount(n).build())
                .endStatus();
        return this;
    }

    TestPods labels(Map<String, String> labels) {
        b.editMetadata().withLabels(labels).endMetadata();
        return this;
    }

    TestPods deleting() {
        b.editMetadata().withDeletionTimestamp(KubeTime.format(NOW)).endMetadata();
        return this;
    }

    Pod build() {
        return b.build();
    }
}
