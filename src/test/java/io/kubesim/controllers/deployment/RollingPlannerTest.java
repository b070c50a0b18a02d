package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static io.kubesim.controllers.deployment.Fixtures.rolling;
import static io.kubesim.controllers.deployment.Fixtures.rs;
import static io.kubesim.controllers.deployment.Fixtures.withSpec;
import static io.kubesim.controllers.deployment.Fixtures.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code rolling.go}'s decisions, stepped through whole rollouts. */
class RollingPlannerTest {

    private static List<String> describe(List<ScaleStep> steps) {
        return steps.stream().map(s -> s.name() + "->" + s.replicas()).toList();
    }

    /**
     * Runs a rollout where old pods go as soon as their ReplicaSet shrinks and new pods become available one
     * sync after they were asked for, checking the bounds after every step: the sum of specs never exceeds
     * replicas + surge, and available never drops below replicas - unavailable.
     */
    private static List<String> simulate(Deployment d, int surge, int unavailable) {
        int replicas = Deployments.replicas(d);
        ReplicaSet old = rs("old", 600, replicas, replicas);
        ReplicaSet newRS = rs("new", 0, 0, 0);
        List<String> trace = new ArrayList<>();
        for (int round = 0; round < 50 && !(ReplicaSets.spec(old) == 0 && ReplicaSets.spec(newRS) == replicas); round++) {
            int askedBefore = ReplicaSets.spec(newRS);
            List<ReplicaSet> all = List.of(old, newRS);
            OptionalInt up = RollingPlanner.newReplicaSetSize(d, all, newRS);
            if (up.isPresent()) {
                newRS = withSpec(newRS, up.getAsInt());
                trace.add("new->" + up.getAsInt());
            } else {
                for (ScaleStep s : RollingPlanner.oldReplicaSetScaleDowns(d, all, ReplicaSets.active(List.of(old)), newRS)) {
                    old = withSpec(old, s.replicas());
                    trace.add("old->" + s.replicas());
                }
            }
            assertThat(ReplicaSets.spec(old) + ReplicaSets.spec(newRS)).isLessThanOrEqualTo(replicas + surge);
            old = withStatus(old, ReplicaSets.spec(old), Math.min(ReplicaSets.available(old), ReplicaSets.spec(old)));
            assertThat(ReplicaSets.available(old) + ReplicaSets.available(newRS)).isGreaterThanOrEqualTo(replicas - unavailable);
            newRS = withStatus(newRS, ReplicaSets.spec(newRS), askedBefore);
        }
        return trace;
    }

    @Test
    void theWorkedExampleOfFourReplicasWithDefaults() {
        assertThat(simulate(rolling(4, "25%", "25%"), 1, 1))
                .containsExactly("new->1", "old->3", "new->2", "old->2", "new->3", "old->1", "new->4", "old->0");
    }

    @Test
    void surgeOnlyRollsOneAtATime() {
        assertThat(simulate(rolling(3, 1, 0), 1, 0))
                .containsExactly("new->1", "old->2", "new->2", "old->1", "new->3", "old->0");
    }

    @Test
    void unavailableOnlyScalesDownFirst() {
        assertThat(simulate(rolling(3, 0, 1), 0, 1))
                .containsExactly("old->2", "new->1", "old->1", "new->2", "old->0", "new->3");
    }

    @Test
    void bothZeroPercentStillMakesProgressWithOneUnavailable() {
        assertThat(simulate(rolling(2, "0%", "0%"), 0, 1))
                .containsExactly("old->1", "new->1", "old->0", "new->2");
    }

    @Test
    void tenReplicasWithTwentyFivePercentMovesInBigSteps() {
        assertThat(simulate(rolling(10, "25%", "25%"), 3, 2))
                .containsExactly("new->3", "old->8", "new->5", "old->5", "new->8", "old->3", "new->10", "old->0");
    }

    @Test
    void unhealthyOldReplicasAreCleanedUpFirstOldestFirst() {
        Deployment d = rolling(6, 0, 2);
        ReplicaSet oldest = rs("oldest", 900, 3, 1);
        ReplicaSet older = rs("older", 600, 3, 3);
        ReplicaSet newRS = rs("new", 10, 0, 0);
        List<ReplicaSet> all = List.of(oldest, older, newRS);
        // maxScaledDown = 6 - 4 - 0 = 2: both go to the two unavailable replicas of the oldest ReplicaSet
        List<ScaleStep> steps = RollingPlanner.oldReplicaSetScaleDowns(d, all, List.of(older, oldest), newRS);
        assertThat(describe(steps)).containsExactly("oldest->1");
    }

    @Test
    void nothingGoesWhileTheNewReplicaSetIsUnavailable() {
        Deployment d = rolling(4, 1, 1);
        ReplicaSet old = rs("old", 600, 3, 3);
        ReplicaSet newRS = rs("new", 10, 2, 0);
        assertThat(RollingPlanner.oldReplicaSetScaleDowns(d, List.of(old, newRS), List.of(old), newRS)).isEmpty();
        assertThat(RollingPlanner.newReplicaSetSize(d, List.of(old, newRS), newRS)).isEmpty();
    }

    @Test
    void anOversizedNewReplicaSetShrinksToReplicas() {
        Deployment d = rolling(2, 1, 1);
        ReplicaSet newRS = rs("new", 10, 5, 5);
        assertThat(RollingPlanner.newReplicaSetSize(d, List.of(newRS), newRS)).hasValue(2);
    }
}
