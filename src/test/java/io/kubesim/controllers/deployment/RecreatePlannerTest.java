package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.kubesim.controllers.deployment.Fixtures.rs;
import static io.kubesim.controllers.deployment.Fixtures.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

/** Recreate waits until no old pod runs. */
class RecreatePlannerTest {

    private static Pod pod(String phase, boolean terminating) {
        return new PodBuilder().withNewMetadata().withName("p").withDeletionTimestamp(terminating ? "2026-01-01T00:00:00Z" : null)
                .endMetadata().withNewStatus().withPhase(phase).endStatus().build();
    }

    private final ReplicaSet old = withStatus(rs("old", 600, 0, 0), 0, 0);
    private final ReplicaSet newRS = rs("new", 10, 0, 0);

    @Test
    void oldReplicaSetsAreScaledToZero() {
        List<ScaleStep> steps = RecreatePlanner.scaleDownOld(List.of(rs("a", 600, 3, 3), rs("b", 300, 1, 1)));
        assertThat(steps).extracting(ScaleStep::name, ScaleStep::replicas)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 0), org.assertj.core.groups.Tuple.tuple("b", 0));
    }

    @Test
    void anOldReplicaSetStillReportingPodsCounts() {
        assertThat(RecreatePlanner.oldPodsRunning(newRS, List.of(withStatus(old, 1, 0)), Map.of())).isTrue();
    }

    @Test
    void terminatingAndUnknownOldPodsCountTerminalOnesDoNot() {
        String uid = old.getMetadata().getUid();
        assertThat(RecreatePlanner.oldPodsRunning(newRS, List.of(old), Map.of(uid, List.of(pod("Running", true))))).isTrue();
        assertThat(RecreatePlanner.oldPodsRunning(newRS, List.of(old), Map.of(uid, List.of(pod("Unknown", false))))).isTrue();
        assertThat(RecreatePlanner.oldPodsRunning(newRS, List.of(old), Map.of(uid, List.of(pod("Pending", false))))).isTrue();
        assertThat(RecreatePlanner.oldPodsRunning(newRS, List.of(old),
                Map.of(uid, List.of(pod("Succeeded", false), pod("Failed", true))))).isFalse();
    }

    @Test
    void theNewReplicaSetsPodsAreIgnored() {
        assertThat(RecreatePlanner.oldPodsRunning(newRS, List.of(old),
                Map.of(newRS.getMetadata().getUid(), List.of(pod("Running", false))))).isFalse();
    }
}
