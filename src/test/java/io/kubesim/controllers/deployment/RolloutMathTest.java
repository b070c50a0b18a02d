package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.kubesim.controllers.deployment.Fixtures.intOrString;
import static io.kubesim.controllers.deployment.Fixtures.rolling;
import static io.kubesim.controllers.deployment.Fixtures.rs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ResolveFenceposts}, {@code MaxSurge}, {@code MaxUnavailable}, {@code NewRSNewReplicas}, proportions. */
class RolloutMathTest {

    private static Object value(String s) {
        return s.endsWith("%") ? s : Integer.valueOf(s);
    }

    @ParameterizedTest(name = "replicas={0} maxSurge={1} maxUnavailable={2} -> surge {3}, unavailable {4}")
    @CsvSource({
            "10, 25%, 25%, 3, 2",
            "4, 25%, 25%, 1, 1",
            "1, 25%, 25%, 1, 0",
            "3, 25%, 25%, 1, 0",
            "5, 1, 0, 1, 0",
            "5, 0, 1, 0, 1",
            "10, 0%, 0%, 0, 1",
            "3, 10%, 10%, 1, 0",
            "3, 0, 10%, 0, 1",
            "7, 50%, 50%, 4, 3",
            "2, 100%, 100%, 2, 2",
            "0, 25%, 25%, 0, 1",
    })
    void fencepostsRoundSurgeUpAndUnavailableDown(int replicas, String surge, String unavailable, int expectedSurge,
                                                  int expectedUnavailable) {
        RolloutMath.Fenceposts f = RolloutMath.resolveFenceposts(intOrString(value(surge)), intOrString(value(unavailable)),
                replicas);
        assertThat(f).isEqualTo(new RolloutMath.Fenceposts(expectedSurge, expectedUnavailable));
    }

    @Test
    void maxUnavailableIsCappedAtReplicasAndZeroWithoutReplicasOrForRecreate() {
        assertThat(RolloutMath.maxUnavailable(rolling(2, 0, 5))).isEqualTo(2);
        assertThat(RolloutMath.maxUnavailable(rolling(0, 1, 1))).isZero();
        assertThat(RolloutMath.maxUnavailable(Fixtures.recreate(3))).isZero();
        assertThat(RolloutMath.maxSurge(Fixtures.recreate(3))).isZero();
        assertThat(RolloutMath.maxSurge(rolling(10, "25%", "25%"))).isEqualTo(3);
    }

    @Test
    void scaledValuesRejectNonPercentStrings() {
        assertThatThrownBy(() -> RolloutMath.scaledValue(new IntOrString("5"), 10, true))
                .hasMessageContaining("not a percentage");
        assertThatThrownBy(() -> RolloutMath.scaledValue(new IntOrString("x%"), 10, true))
                .hasMessageContaining("invalid value");
        assertThat(RolloutMath.scaledValue(new IntOrString("33%"), 10, false)).isEqualTo(3);
        assertThat(RolloutMath.scaledValue(new IntOrString("33%"), 10, true)).isEqualTo(4);
    }

    @Test
    void theNewReplicaSetGrowsUpToReplicasPlusSurgeOverAllReplicaSets() {
        Deployment d = rolling(10, "25%", "25%");
        ReplicaSet newRS = rs("new", 0, 0, 0);
        assertThat(RolloutMath.newRSNewReplicas(d, List.of(rs("old", 60, 10, 10), newRS), newRS)).isEqualTo(3);
        ReplicaSet grown = rs("new", 0, 3, 0);
        assertThat(RolloutMath.newRSNewReplicas(d, List.of(rs("old", 60, 10, 10), grown), grown)).as("at the cap")
                .isEqualTo(3);
        assertThat(RolloutMath.newRSNewReplicas(d, List.of(rs("old", 60, 2, 2), grown), grown))
                .as("never above replicas").isEqualTo(10);
        assertThat(RolloutMath.newRSNewReplicas(Fixtures.recreate(4), List.of(newRS), newRS)).isEqualTo(4);
    }

    @Test
    void proportionsFollowTheMaxReplicasAnnotation() {
        // the documented example: 10 replicas, maxSurge 3, rollout stuck at old 8 / new 5, scaled to 15
        Deployment d = rolling(15, 3, 2);
        ReplicaSet old = Fixtures.annotated(rs("old", 60, 8, 8), DeploymentAnnotations.MAX_REPLICAS, "13");
        ReplicaSet newRS = Fixtures.annotated(rs("new", 10, 5, 0), DeploymentAnnotations.MAX_REPLICAS, "13");
        assertThat(RolloutMath.fraction(old, d)).isEqualTo(3);
        assertThat(RolloutMath.fraction(newRS, d)).isEqualTo(2);
        assertThat(RolloutMath.proportion(old, d, 5, 0)).isEqualTo(3);
        assertThat(RolloutMath.proportion(newRS, d, 5, 4)).as("capped by what is left").isEqualTo(1);
        assertThat(RolloutMath.fraction(old, rolling(0, 3, 2))).as("to zero: everything goes").isEqualTo(-8);
    }

    @Test
    void roundingIsHalfAwayFromZero() {
        assertThat(RolloutMath.roundHalfAwayFromZero(2.5)).isEqualTo(3);
        assertThat(RolloutMath.roundHalfAwayFromZero(-2.5)).isEqualTo(-3);
        assertThat(RolloutMath.roundHalfAwayFromZero(2.49)).isEqualTo(2);
    }
}
