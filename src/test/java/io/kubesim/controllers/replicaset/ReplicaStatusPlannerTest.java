package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.kubesim.controllers.replicaset.TestPods.NOW;
import static io.kubesim.controllers.replicaset.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code calculateStatus}: counts, availability after minReadySeconds, the ReplicaFailure condition. */
class ReplicaStatusPlannerTest {

    private static final Map<String, String> TEMPLATE = Map.of("app", "web", "tier", "front");

    private static ReplicaStatusPlanner.Observed observed(int desired, int minReady, List<Pod> active, List<Pod> terminating) {
        return new ReplicaStatusPlanner.Observed(desired, minReady, TEMPLATE, active, terminating);
    }

    @Test
    void countsReplicasFullyLabeledReadyAndAvailable() {
        List<Pod> active = List.of(
                pod("a").labels(TEMPLATE).ready(NOW.minusSeconds(30)).build(),
                pod("b").labels(TEMPLATE).ready(NOW.minusSeconds(5)).build(),
                pod("c").labels(Map.of("app", "web")).notReady().build());
        ReplicaStatus s = ReplicaStatusPlanner.calculate(ReplicaStatus.EMPTY, observed(3, 10, active,
                List.of(pod("d").deleting().build())), null, NOW);
        assertThat(s.replicas()).isEqualTo(3);
        assertThat(s.fullyLabeledReplicas()).isEqualTo(2);
        assertThat(s.readyReplicas()).isEqualTo(2);
        assertThat(s.availableReplicas()).as("only a has been ready for more than 10 s").isEqualTo(1);
        assertThat(s.terminatingReplicas()).isEqualTo(1);
        assertThat(s.conditions()).isEmpty();
    }

    @Test
    void withoutMinReadySecondsEveryReadyPodIsAvailableAndTerminatingMayBeUnreported() {
        ReplicaStatus s = ReplicaStatusPlanner.calculate(ReplicaStatus.EMPTY,
                observed(1, 0, List.of(pod("a").labels(TEMPLATE).ready(NOW).build()), null), null, NOW);
        assertThat(s.availableReplicas()).isEqualTo(1);
        assertThat(s.terminatingReplicas()).isNull();
    }

    @Test
    void aManageFailureSetsReplicaFailureOnceAndSuccessRemovesIt() {
        ReplicaStatus failed = ReplicaStatusPlanner.calculate(ReplicaStatus.EMPTY, observed(2, 0, List.of(), null),
                "pods \"web-\" is forbidden: exceeded quota", NOW);
        ReplicaCondition c = failed.condition(ReplicaCondition.REPLICA_FAILURE);
        assertThat(c.status()).isEqualTo("True");
        assertThat(c.reason()).isEqualTo("FailedCreate");
        assertThat(c.message()).isEqualTo("pods \"web-\" is forbidden: exceeded quota");
        assertThat(c.lastTransitionTime()).isEqualTo("2026-01-01T12:00:00Z");

        ReplicaStatus again = ReplicaStatusPlanner.calculate(failed, observed(2, 0, List.of(), null), "other", NOW.plusSeconds(9));
        assertThat(again.condition(ReplicaCondition.REPLICA_FAILURE)).as("an existing condition is kept").isEqualTo(c);

        ReplicaStatus tooMany = ReplicaStatusPlanner.calculate(ReplicaStatus.EMPTY,
                observed(0, 0, List.of(pod("a").build()), null), "boom", NOW);
        assertThat(tooMany.condition(ReplicaCondition.REPLICA_FAILURE).reason()).isEqualTo("FailedDelete");

        ReplicaStatus healed = ReplicaStatusPlanner.calculate(failed, observed(2, 0, List.of(), null), null, NOW);
        assertThat(healed.conditions()).isEmpty();
    }

    @Test
    void writesOnlyWhenSomethingChangedOrTheGenerationIsNew() {
        ReplicaStatus old = new ReplicaStatus(1, 1, 1, 1, 0, 4, List.of());
        ReplicaStatus same = ReplicaStatusPlanner.calculate(old, observed(1, 0,
                List.of(pod("a").labels(TEMPLATE).ready(NOW).build()), List.of()), null, NOW);
        assertThat(ReplicaStatusPlanner.needsUpdate(old, same, 4)).isFalse();
        assertThat(ReplicaStatusPlanner.needsUpdate(old, same, 5)).isTrue();
        ReplicaStatus fewer = ReplicaStatusPlanner.calculate(old, observed(1, 0, List.of(), List.of()), null, NOW);
        assertThat(ReplicaStatusPlanner.needsUpdate(old, fewer, 4)).isTrue();
    }
}
