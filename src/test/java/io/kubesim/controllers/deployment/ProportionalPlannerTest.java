package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kubesim.controllers.deployment.Fixtures.annotated;
import static io.kubesim.controllers.deployment.Fixtures.rolling;
import static io.kubesim.controllers.deployment.Fixtures.rs;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code scale}: proportional scaling of a rollout in progress, and its simple cases. */
class ProportionalPlannerTest {

    private static List<String> describe(List<ScaleStep> steps) {
        return steps.stream().map(s -> s.name() + "->" + s.replicas() + (s.operation() == null ? "" : " " + s.operation()))
                .toList();
    }

    private static ReplicaSet sized(String name, int age, int spec, int maxReplicas) {
        return annotated(rs(name, age, spec, spec), DeploymentAnnotations.MAX_REPLICAS, Integer.toString(maxReplicas));
    }

    @Test
    void scalingUpMidRolloutSpreadsTheNewReplicasByProportion() {
        // 10 replicas, maxSurge 3: old 8 + new 5 = 13; scaled to 15 -> 18 allowed, 5 to add
        Deployment d = rolling(15, 3, 2);
        List<ScaleStep> steps = ProportionalPlanner.plan(d, sized("new", 10, 5, 13), List.of(sized("old", 600, 8, 13)));
        assertThat(describe(steps)).containsExactly("old->11 up", "new->7 up");
    }

    @Test
    void scalingDownMidRolloutTakesFromTheLargerOlderOneFirst() {
        // 10 replicas, maxSurge 3: old 8 + new 5; scaled to 5 -> 8 allowed, 5 to remove
        Deployment d = rolling(5, 3, 2);
        List<ScaleStep> steps = ProportionalPlanner.plan(d, sized("new", 10, 5, 13), List.of(sized("old", 600, 8, 13)));
        // old: round(8*8/13)=5 -> -3, new: round(5*8/13)=3 -> -2
        assertThat(describe(steps)).containsExactly("old->5 down", "new->3 down");
    }

    @Test
    void leftoversGoToTheFirstReplicaSet() {
        // three equal ReplicaSets of 2 (max 6); replicas 3 -> 7 (surge 1, ceil 25% of 7 = 2 -> 9 allowed): +3
        Deployment d = rolling(7, "25%", "25%");
        List<ScaleStep> steps = ProportionalPlanner.plan(d, sized("c", 10, 2, 6),
                List.of(sized("a", 600, 2, 6), sized("b", 300, 2, 6)));
        // fraction = round(2*9/6) - 2 = 1 each: newest first when sizes tie
        assertThat(describe(steps)).containsExactly("c->3 up", "b->3 up", "a->3 up");
    }

    @Test
    void aSingleActiveReplicaSetTakesTheWholeCount() {
        Deployment d = rolling(7, 1, 1);
        List<ScaleStep> steps = ProportionalPlanner.plan(d, rs("new", 10, 3, 3), List.of(rs("old", 600, 0, 0)));
        assertThat(describe(steps)).containsExactly("new->7");
        assertThat(ProportionalPlanner.plan(rolling(3, 1, 1), rs("new", 10, 3, 3), List.of())).isEmpty();
    }

    @Test
    void withoutAnyActiveReplicaSetTheNewestOldOneIsScaledWhenThereIsNoNewOne() {
        Deployment d = rolling(2, 1, 1);
        List<ScaleStep> steps = ProportionalPlanner.plan(d, null, List.of(rs("older", 600, 0, 0), rs("newer", 60, 0, 0)));
        assertThat(describe(steps)).containsExactly("newer->2");
    }

    @Test
    void aSaturatedNewReplicaSetRetiresTheOldOnes() {
        Deployment d = rolling(3, 1, 1);
        ReplicaSet newRS = annotated(rs("new", 10, 3, 3), DeploymentAnnotations.DESIRED_REPLICAS, "3");
        List<ScaleStep> steps = ProportionalPlanner.plan(d, newRS, List.of(rs("old", 600, 1, 1)));
        assertThat(describe(steps)).containsExactly("old->0");
    }
}
