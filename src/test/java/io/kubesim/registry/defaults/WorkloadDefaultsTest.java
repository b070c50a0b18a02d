package io.kubesim.registry.defaults;

import static io.kubesim.registry.defaults.PodDefaultsTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadDefaultsTest {

    private static final String TEMPLATE = "\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},"
            + "\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx\","
            + "\"resources\":{\"limits\":{\"cpu\":\"1\"}}}]}}";

    @Test
    void deploymentMatchesRealServer() {
        Deployment d = read("{\"metadata\":{\"name\":\"web\"},\"spec\":{\"selector\":{\"matchLabels\":"
                + "{\"app\":\"web\"}}," + TEMPLATE + "}}", Deployment.class);
        Defaults.deployment(d);
        assertThat(PodDefaultsTest.tree(d.getSpec()).toString()).isEqualTo(PodDefaultsTest.JSON.readTree("""
                {"progressDeadlineSeconds":600,"replicas":1,"revisionHistoryLimit":10,
                 "selector":{"matchLabels":{"app":"web"}},
                 "strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},
                 "template":{"metadata":{"labels":{"app":"web"}},"spec":{
                   "containers":[{"image":"nginx","imagePullPolicy":"Always","name":"web",
                     "resources":{"limits":{"cpu":"1"}},
                     "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],
                   "dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler",
                   "securityContext":{},"terminationGracePeriodSeconds":30}}}
                """).toString());
    }

    @Test
    void deploymentKeepsExplicitValuesAndRecreateHasNoRollingUpdate() {
        Deployment d = read("{\"spec\":{\"replicas\":0,\"revisionHistoryLimit\":2,\"progressDeadlineSeconds\":30,"
                + "\"strategy\":{\"type\":\"Recreate\"}}}", Deployment.class);
        Defaults.deployment(d);
        assertThat(d.getSpec().getReplicas()).isZero();
        assertThat(d.getSpec().getRevisionHistoryLimit()).isEqualTo(2);
        assertThat(d.getSpec().getProgressDeadlineSeconds()).isEqualTo(30);
        assertThat(d.getSpec().getStrategy().getRollingUpdate()).isNull();

        Deployment partial = read("{\"spec\":{\"strategy\":{\"rollingUpdate\":{\"maxSurge\":1}}}}", Deployment.class);
        Defaults.deployment(partial);
        assertThat(partial.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(partial.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
        assertThat(partial.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getStrVal()).isEqualTo("25%");
    }

    @Test
    void replicaSetDefaultsReplicasAndTemplate() {
        ReplicaSet rs = read("{\"spec\":{" + TEMPLATE + "}}", ReplicaSet.class);
        Defaults.replicaSet(rs);
        assertThat(rs.getSpec().getReplicas()).isEqualTo(1);
        assertThat(rs.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Always");
        assertThat(rs.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests()).isEmpty();
        assertThat(rs.getSpec().getTemplate().getSpec().getEnableServiceLinks()).isNull();
    }

    @Test
    void replicationControllerCopiesTemplateLabels() {
        ReplicationController rc = read("{\"metadata\":{\"name\":\"rc\"},\"spec\":{" + TEMPLATE + "}}",
                ReplicationController.class);
        Defaults.replicationController(rc);
        assertThat(rc.getSpec().getReplicas()).isEqualTo(1);
        assertThat(rc.getSpec().getSelector()).isEqualTo(Map.of("app", "web"));
        assertThat(rc.getMetadata().getLabels()).isEqualTo(Map.of("app", "web"));
        assertThat(rc.getSpec().getTemplate().getSpec().getDnsPolicy()).isEqualTo("ClusterFirst");

        ReplicationController own = read("{\"metadata\":{\"labels\":{\"team\":\"a\"}},\"spec\":{\"selector\":"
                + "{\"app\":\"web\",\"v\":\"1\"}," + TEMPLATE + "}}", ReplicationController.class);
        Defaults.replicationController(own);
        assertThat(own.getSpec().getSelector()).isEqualTo(Map.of("app", "web", "v", "1"));
        assertThat(own.getMetadata().getLabels()).isEqualTo(Map.of("team", "a"));
    }

    @Test
    void daemonSetDefaults() {
        DaemonSet ds = read("{\"spec\":{" + TEMPLATE + "}}", DaemonSet.class);
        Defaults.daemonSet(ds);
        assertThat(ds.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isZero();
        assertThat(ds.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
    }

    @Test
    void statefulSetDefaults() {
        StatefulSet ss = read("{\"spec\":{\"serviceName\":\"db\"," + TEMPLATE + ",\"volumeClaimTemplates\":"
                + "[{\"metadata\":{\"name\":\"data\"},\"spec\":{\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}}]}}",
                StatefulSet.class);
        Defaults.statefulSet(ss);
        var spec = ss.getSpec();
        assertThat(spec.getPodManagementPolicy()).isEqualTo("OrderedReady");
        assertThat(spec.getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(spec.getUpdateStrategy().getRollingUpdate().getPartition()).isZero();
        assertThat(spec.getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
        assertThat(spec.getPersistentVolumeClaimRetentionPolicy().getWhenScaled()).isEqualTo("Retain");
        assertThat(spec.getReplicas()).isEqualTo(1);
        assertThat(spec.getRevisionHistoryLimit()).isEqualTo(10);
        assertThat(spec.getVolumeClaimTemplates().get(0).getSpec().getVolumeMode()).isEqualTo("Filesystem");
        assertThat(spec.getVolumeClaimTemplates().get(0).getStatus().getPhase()).isEqualTo("Pending");

        StatefulSet onDelete = read("{\"spec\":{\"updateStrategy\":{\"type\":\"OnDelete\"}}}", StatefulSet.class);
        Defaults.statefulSet(onDelete);
        assertThat(onDelete.getSpec().getUpdateStrategy().getRollingUpdate()).isNull();
    }

    @Test
    void nullsAreTolerated() {
        Defaults.deployment(null);
        Defaults.replicaSet(null);
        Defaults.replicationController(null);
        Defaults.daemonSet(null);
        Defaults.statefulSet(null);
        Deployment empty = new Deployment();
        Defaults.deployment(empty);
        assertThat(empty.getSpec().getReplicas()).isEqualTo(1);
        ReplicationController rc = new ReplicationController();
        Defaults.replicationController(rc);
        assertThat(rc.getSpec().getSelector()).isEmpty();
        assertThat(rc.getMetadata()).isNull();
    }
}
