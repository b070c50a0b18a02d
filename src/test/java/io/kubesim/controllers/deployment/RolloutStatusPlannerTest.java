package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetConditionBuilder;
import io.kubesim.controllers.replicaset.KubeTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.kubesim.controllers.deployment.Fixtures.NOW;
import static io.kubesim.controllers.deployment.Fixtures.rolling;
import static io.kubesim.controllers.deployment.Fixtures.rs;
import static io.kubesim.controllers.deployment.Fixtures.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

/** Status counts and the Available / Progressing condition transitions of {@code progress.go}. */
class RolloutStatusPlannerTest {

    private static final Instant EARLIER = NOW.minusSeconds(120);

    private static DeploymentCondition condition(DeploymentStatus s, String type) {
        return DeploymentConditions.get(s, type);
    }

    /** A Deployment whose last status had these counts and this Progressing condition. */
    private static Deployment observed(Deployment d, int replicas, int updated, int available, String reason,
                                        String status, Instant updatedAt) {
        DeploymentCondition progressing = DeploymentConditions.create("Progressing", status, reason, "before", updatedAt);
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(1L).withReplicas(replicas)
                .withUpdatedReplicas(updated).withReadyReplicas(available).withAvailableReplicas(available)
                .withConditions(progressing).build());
        return d;
    }

    @Test
    void countsComeFromTheReplicaSetsAndUnavailableFromTheirSpecs() {
        Deployment d = rolling(4, 1, 1);
        ReplicaSet old = rs("old", 600, 3, 3);
        ReplicaSet newRS = withStatus(rs("new", 10, 2, 0), 1, 0);
        DeploymentStatus s = RolloutStatusPlanner.calculate(List.of(old, newRS), newRS, d, NOW);
        assertThat(List.of(s.getReplicas(), s.getUpdatedReplicas(), s.getReadyReplicas(), s.getAvailableReplicas(),
                s.getUnavailableReplicas())).containsExactly(4, 1, 3, 3, 2);
        assertThat(s.getObservedGeneration()).isEqualTo(1L);
        DeploymentCondition available = condition(s, "Available");
        assertThat(available.getStatus()).isEqualTo("True");
        assertThat(available.getReason()).isEqualTo("MinimumReplicasAvailable");
        assertThat(available.getMessage()).isEqualTo("Deployment has minimum availability.");
    }

    @Test
    void availableTurnsFalseBelowReplicasMinusMaxUnavailable() {
        Deployment d = rolling(4, 1, 1);
        ReplicaSet newRS = rs("new", 10, 4, 2);
        DeploymentStatus s = RolloutStatusPlanner.calculate(List.of(newRS), newRS, d, NOW);
        DeploymentCondition available = condition(s, "Available");
        assertThat(available.getStatus()).isEqualTo("False");
        assertThat(available.getReason()).isEqualTo("MinimumReplicasUnavailable");
        assertThat(available.getMessage()).isEqualTo("Deployment does not have minimum availability.");
    }

    @Test
    void progressRefreshesLastUpdateTimeButKeepsTheTransitionTime() {
        Deployment d = observed(rolling(4, 1, 1), 4, 1, 3, "NewReplicaSetCreated", "True", EARLIER);
        ReplicaSet old = rs("old", 600, 3, 3);
        ReplicaSet newRS = rs("new", 10, 2, 0);
        DeploymentStatus s = RolloutStatusPlanner.rollout(List.of(old, newRS), newRS, d, NOW);
        DeploymentCondition p = condition(s, "Progressing");
        assertThat(p.getReason()).isEqualTo("ReplicaSetUpdated");
        assertThat(p.getMessage()).isEqualTo("ReplicaSet \"new\" is progressing.");
        assertThat(p.getLastUpdateTime()).isEqualTo(KubeTime.format(NOW));
        assertThat(p.getLastTransitionTime()).isEqualTo(KubeTime.format(EARLIER));
    }

    @Test
    void aCompleteRolloutReportsNewReplicaSetAvailable() {
        Deployment d = observed(rolling(2, 1, 1), 3, 2, 2, "ReplicaSetUpdated", "True", EARLIER);
        ReplicaSet newRS = rs("new", 10, 2, 2);
        DeploymentStatus s = RolloutStatusPlanner.rollout(List.of(withStatus(rs("old", 600, 0, 0), 0, 0), newRS), newRS,
                d, NOW);
        DeploymentCondition p = condition(s, "Progressing");
        assertThat(p.getStatus()).isEqualTo("True");
        assertThat(p.getReason()).isEqualTo("NewReplicaSetAvailable");
        assertThat(p.getMessage()).isEqualTo("ReplicaSet \"new\" has successfully progressed.");
        assertThat(p.getLastTransitionTime()).as("same status: the transition time stays").isEqualTo(KubeTime.format(EARLIER));
        assertThat(RolloutStatusPlanner.complete(d, s)).isTrue();
    }

    @Test
    void noProgressWithinTheDeadlineChangesNothingAndSchedulesARecheck() {
        Deployment d = observed(rolling(2, 1, 1), 3, 1, 2, "ReplicaSetUpdated", "True", NOW.minusSeconds(100));
        d.getSpec().setProgressDeadlineSeconds(600);
        ReplicaSet old = rs("old", 600, 2, 2);
        ReplicaSet newRS = withStatus(rs("new", 10, 1, 0), 1, 0);
        DeploymentStatus s = RolloutStatusPlanner.rollout(List.of(old, newRS), newRS, d, NOW);
        assertThat(condition(s, "Progressing").getReason()).isEqualTo("ReplicaSetUpdated");
        assertThat(condition(s, "Progressing").getLastUpdateTime()).isEqualTo(KubeTime.format(NOW.minusSeconds(100)));
        assertThat(RolloutStatusPlanner.stuckRecheck(d, s, NOW)).isEqualTo(Duration.ofSeconds(501));
    }

    @Test
    void pastTheDeadlineTheRolloutTimesOut() {
        Deployment d = observed(rolling(2, 1, 1), 3, 1, 2, "ReplicaSetUpdated", "True", NOW.minusSeconds(5));
        d.getSpec().setProgressDeadlineSeconds(2);
        ReplicaSet old = rs("old", 600, 2, 2);
        ReplicaSet newRS = withStatus(rs("new", 10, 1, 0), 1, 0);
        DeploymentStatus s = RolloutStatusPlanner.rollout(List.of(old, newRS), newRS, d, NOW);
        DeploymentCondition p = condition(s, "Progressing");
        assertThat(p.getStatus()).isEqualTo("False");
        assertThat(p.getReason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(p.getMessage()).isEqualTo("ReplicaSet \"new\" has timed out progressing.");
        assertThat(p.getLastTransitionTime()).isEqualTo(KubeTime.format(NOW));
        d.setStatus(s);
        assertThat(RolloutStatusPlanner.stuckRecheck(d, s, NOW)).as("already timed out").isNull();
    }

    @Test
    void aFinishedRolloutIsNotReevaluated() {
        Deployment d = observed(rolling(2, 1, 1), 2, 2, 2, "NewReplicaSetAvailable", "True", NOW.minusSeconds(9999));
        d.getSpec().setProgressDeadlineSeconds(2);
        ReplicaSet newRS = rs("new", 10, 2, 1);
        DeploymentStatus s = RolloutStatusPlanner.rollout(List.of(newRS), newRS, d, NOW);
        assertThat(condition(s, "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");
    }

    @Test
    void withoutADeadlineThereIsNoProgressingCondition() {
        Deployment d = observed(rolling(2, 1, 1), 2, 2, 2, "ReplicaSetUpdated", "True", EARLIER);
        d.getSpec().setProgressDeadlineSeconds(Integer.MAX_VALUE);
        ReplicaSet newRS = rs("new", 10, 2, 2);
        DeploymentStatus s = RolloutStatusPlanner.rollout(List.of(newRS), newRS, d, NOW);
        assertThat(condition(s, "Progressing")).isNull();
    }

    @Test
    void replicaFailuresOfTheNewReplicaSetAreCopiedUpAndRemovedWhenGone() {
        Deployment d = rolling(2, 1, 1);
        ReplicaSet newRS = rs("new", 10, 2, 0);
        newRS.getStatus().setConditions(List.of(new ReplicaSetConditionBuilder().withType("ReplicaFailure")
                .withStatus("True").withReason("FailedCreate").withMessage("quota").withLastTransitionTime("2026-01-01T11:00:00Z")
                .build()));
        DeploymentStatus s = RolloutStatusPlanner.rollout(List.of(newRS), newRS, d, NOW);
        DeploymentCondition f = condition(s, "ReplicaFailure");
        assertThat(List.of(f.getStatus(), f.getReason(), f.getMessage(), f.getLastUpdateTime()))
                .containsExactly("True", "FailedCreate", "quota", "2026-01-01T11:00:00Z");
        d.setStatus(s);
        ReplicaSet healed = rs("new", 10, 2, 0);
        assertThat(condition(RolloutStatusPlanner.rollout(List.of(healed), healed, d, NOW), "ReplicaFailure")).isNull();
    }

    @Test
    void settingAConditionKeepsTheTransitionTimeForTheSameStatusAndIgnoresRepeats() {
        DeploymentStatus s = new DeploymentStatus();
        DeploymentConditions.set(s, DeploymentConditions.create("Progressing", "True", "A", "a", EARLIER));
        DeploymentConditions.set(s, DeploymentConditions.create("Progressing", "True", "A", "changed", NOW));
        assertThat(condition(s, "Progressing").getMessage()).as("same status and reason: no change").isEqualTo("a");
        DeploymentConditions.set(s, DeploymentConditions.create("Progressing", "True", "B", "b", NOW));
        assertThat(condition(s, "Progressing").getLastTransitionTime()).isEqualTo(KubeTime.format(EARLIER));
        assertThat(condition(s, "Progressing").getLastUpdateTime()).isEqualTo(KubeTime.format(NOW));
        DeploymentConditions.set(s, DeploymentConditions.create("Progressing", "Unknown", "DeploymentPaused", "p", NOW));
        assertThat(condition(s, "Progressing").getLastTransitionTime()).isEqualTo(KubeTime.format(NOW));
    }
}
