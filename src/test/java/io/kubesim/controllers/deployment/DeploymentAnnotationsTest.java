package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.kubesim.controllers.deployment.Fixtures.annotated;
import static io.kubesim.controllers.deployment.Fixtures.rolling;
import static io.kubesim.controllers.deployment.Fixtures.rs;
import static org.assertj.core.api.Assertions.assertThat;

/** Revisions, revision history, replicas annotations and copied Deployment annotations. */
class DeploymentAnnotationsTest {

    private static Deployment annotatedDeployment() {
        Deployment d = rolling(4, "25%", "25%");
        d.getMetadata().setAnnotations(new HashMap<>(Map.of(
                "kubernetes.io/change-cause", "kubectl set image",
                DeploymentAnnotations.LAST_APPLIED, "{}",
                DeploymentAnnotations.REVISION, "7")));
        return d;
    }

    @Test
    void aNewReplicaSetGetsTheRevisionReplicasAndTheDeploymentsOtherAnnotations() {
        ReplicaSet rs = NewReplicaSets.blueprint(annotatedDeployment());
        boolean changed = DeploymentAnnotations.setNewReplicaSetAnnotations(annotatedDeployment(), rs, "3", false, 2000);
        assertThat(changed).isTrue();
        assertThat(rs.getMetadata().getAnnotations()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "kubernetes.io/change-cause", "kubectl set image",
                DeploymentAnnotations.REVISION, "3",
                DeploymentAnnotations.DESIRED_REPLICAS, "4",
                DeploymentAnnotations.MAX_REPLICAS, "5"));
    }

    @Test
    void reusingAnOldReplicaSetRaisesItsRevisionAndRecordsTheOldOne() {
        ReplicaSet rs = annotated(rs("web-1", 600, 0, 0), DeploymentAnnotations.REVISION, "1");
        assertThat(DeploymentAnnotations.setNewReplicaSetAnnotations(annotatedDeployment(), rs, "3", true, 2000)).isTrue();
        assertThat(rs.getMetadata().getAnnotations()).containsEntry(DeploymentAnnotations.REVISION, "3")
                .containsEntry(DeploymentAnnotations.REVISION_HISTORY, "1")
                .doesNotContainKey(DeploymentAnnotations.DESIRED_REPLICAS);
        assertThat(DeploymentAnnotations.setNewReplicaSetAnnotations(annotatedDeployment(), rs, "5", true, 2000)).isTrue();
        assertThat(rs.getMetadata().getAnnotations()).containsEntry(DeploymentAnnotations.REVISION, "5")
                .containsEntry(DeploymentAnnotations.REVISION_HISTORY, "1,3");
        assertThat(DeploymentAnnotations.setNewReplicaSetAnnotations(annotatedDeployment(), rs, "4", true, 2000))
                .as("a lower revision changes nothing").isFalse();
    }

    @Test
    void theHistoryDropsItsOldestEntriesToStayWithinTheLimit() {
        ReplicaSet rs = annotated(annotated(rs("web-1", 600, 0, 0), DeploymentAnnotations.REVISION, "40"),
                DeploymentAnnotations.REVISION_HISTORY, "10,20,30");
        DeploymentAnnotations.setNewReplicaSetAnnotations(annotatedDeployment(), rs, "50", true, 9);
        assertThat(rs.getMetadata().getAnnotations()).containsEntry(DeploymentAnnotations.REVISION_HISTORY, "20,30,40");
    }

    @Test
    void maxRevisionIgnoresGarbage() {
        List<ReplicaSet> list = List.of(annotated(rs("a", 1, 0, 0), DeploymentAnnotations.REVISION, "4"),
                annotated(rs("b", 1, 0, 0), DeploymentAnnotations.REVISION, "x"), rs("c", 1, 0, 0));
        assertThat(DeploymentAnnotations.maxRevision(list)).isEqualTo(4);
    }

    @Test
    void theBlueprintCarriesTheHashOnLabelsSelectorAndTemplate() {
        Deployment d = annotatedDeployment();
        ReplicaSet rs = NewReplicaSets.blueprint(d);
        String hash = PodTemplateHash.compute(d.getSpec().getTemplate(), null);
        assertThat(rs.getMetadata().getName()).isEqualTo("web-" + hash);
        assertThat(rs.getMetadata().getLabels()).containsEntry(PodTemplateHash.LABEL, hash).containsEntry("app", "web");
        assertThat(rs.getSpec().getSelector().getMatchLabels()).containsEntry(PodTemplateHash.LABEL, hash);
        assertThat(rs.getSpec().getTemplate().getMetadata().getLabels()).containsEntry(PodTemplateHash.LABEL, hash);
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey(PodTemplateHash.LABEL);
        assertThat(d.getSpec().getSelector().getMatchLabels()).doesNotContainKey(PodTemplateHash.LABEL);
        assertThat(rs.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("Deployment");
        d.getStatus();
        d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withCollisionCount(1).build());
        assertThat(NewReplicaSets.blueprint(d).getMetadata().getName()).as("a collision count changes the name")
                .isNotEqualTo(rs.getMetadata().getName());
    }

    @Test
    void revisionHistoryCleanupTakesTheLowestSettledEmptyRevisionsBeyondTheLimit() {
        Deployment d = rolling(2, 1, 1);
        d.getSpec().setRevisionHistoryLimit(1);
        ReplicaSet r1 = annotated(rs("r1", 900, 0, 0), DeploymentAnnotations.REVISION, "1");
        ReplicaSet r2 = annotated(rs("r2", 600, 0, 0), DeploymentAnnotations.REVISION, "2");
        ReplicaSet r3 = annotated(rs("r3", 300, 0, 0), DeploymentAnnotations.REVISION, "3");
        r1.getStatus().setReplicas(0);
        r2.getStatus().setReplicas(1);
        r3.getStatus().setReplicas(0);
        assertThat(RevisionHistory.surplus(d, List.of(r3, r2, r1))).extracting(r -> r.getMetadata().getName())
                .as("r2 still has a pod; r3 is within the limit").containsExactly("r1");
        d.getSpec().setRevisionHistoryLimit(null);
        assertThat(RevisionHistory.surplus(d, List.of(r3, r2, r1))).isEmpty();
    }
}
