package io.kubesim.registry.defaults;

import static io.kubesim.registry.defaults.PodDefaultsTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import org.junit.jupiter.api.Test;

class ClusterDefaultsTest {

    @Test
    void namespaceMatchesRealServer() {
        Namespace ns = read("{\"metadata\":{\"name\":\"team-a\"}}", Namespace.class);
        Defaults.namespace(ns);
        Defaults.namespaceOnCreate(ns);
        assertThat(PodDefaultsTest.tree(ns)).isEqualTo(PodDefaultsTest.JSON.readTree("""
                {"apiVersion":"v1","kind":"Namespace",
                 "metadata":{"labels":{"kubernetes.io/metadata.name":"team-a"},"name":"team-a"},
                 "spec":{"finalizers":["kubernetes"]},"status":{"phase":"Active"}}
                """));
    }

    @Test
    void namespaceLabelIsForcedAndFinalizerAppendedOnce() {
        Namespace ns = read("{\"metadata\":{\"name\":\"b\",\"labels\":{\"kubernetes.io/metadata.name\":\"x\"}},"
                + "\"spec\":{\"finalizers\":[\"example.com/f\"]},\"status\":{\"phase\":\"Terminating\"}}",
                Namespace.class);
        Defaults.namespace(ns);
        assertThat(ns.getMetadata().getLabels()).containsEntry("kubernetes.io/metadata.name", "b");
        assertThat(ns.getStatus().getPhase()).isEqualTo("Terminating");
        Defaults.namespaceOnCreate(ns);
        Defaults.namespaceOnCreate(ns);
        assertThat(ns.getSpec().getFinalizers()).containsExactly("example.com/f", "kubernetes");
        assertThat(ns.getStatus().getPhase()).isEqualTo("Active");

        Namespace generated = read("{\"metadata\":{\"generateName\":\"tmp-\"}}", Namespace.class);
        Defaults.namespace(generated);
        assertThat(generated.getMetadata().getLabels()).isEmpty();
    }

    @Test
    void nodeAllocatableDefaultsToCapacity() {
        Node node = read("{\"status\":{\"capacity\":{\"cpu\":\"4\",\"memory\":\"8192Mi\",\"pods\":\"110\"}}}",
                Node.class);
        Defaults.node(node);
        assertThat(node.getStatus().getAllocatable()).containsOnlyKeys("cpu", "memory", "pods");
        assertThat(node.getStatus().getAllocatable().get("memory").toString()).isEqualTo("8Gi");
        assertThat(node.getStatus().getCapacity().get("memory").toString()).isEqualTo("8Gi");

        Node explicit = read("{\"status\":{\"capacity\":{\"cpu\":\"4\"},\"allocatable\":{\"cpu\":\"3500m\"}}}",
                Node.class);
        Defaults.node(explicit);
        assertThat(explicit.getStatus().getAllocatable().get("cpu").toString()).isEqualTo("3500m");
    }

    @Test
    void secretConfigMapClaim() {
        Secret secret = new Secret();
        Defaults.secret(secret);
        assertThat(secret.getType()).isEqualTo("Opaque");
        Secret tls = read("{\"type\":\"kubernetes.io/tls\"}", Secret.class);
        Defaults.secret(tls);
        assertThat(tls.getType()).isEqualTo("kubernetes.io/tls");

        ConfigMap cm = new ConfigMap();
        cm.setData(null);
        Defaults.configMap(cm);
        assertThat(cm.getData()).isEmpty();

        PersistentVolumeClaim pvc = read("{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"0.5Gi\"}}}}",
                PersistentVolumeClaim.class);
        Defaults.persistentVolumeClaim(pvc);
        assertThat(pvc.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pvc.getSpec().getVolumeMode()).isEqualTo("Filesystem");
        assertThat(pvc.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("512Mi");
    }

    @Test
    void leaseIsLeftAlone() {
        Lease lease = read("{\"metadata\":{\"name\":\"n1\"},\"spec\":{\"holderIdentity\":\"n1\","
                + "\"leaseDurationSeconds\":40}}", Lease.class);
        var before = PodDefaultsTest.tree(lease);
        Defaults.lease(lease);
        Defaults.lease(null);
        assertThat(PodDefaultsTest.tree(lease)).isEqualTo(before);
        assertThat(lease.getSpec().getStrategy()).isNull();
    }

    @Test
    void aLeaseWithoutSpecShowsGosZeroSpec() {
        Lease lease = read("{\"metadata\":{\"name\":\"n1\"}}", Lease.class);
        Defaults.lease(lease);
        assertThat(PodDefaultsTest.tree(lease).get("spec").toString()).isEqualTo("{}");
    }

    @Test
    void aNodeWithOnlyANameGetsGoWireShape() {
        Node node = read("{\"metadata\":{\"name\":\"n1\"}}", Node.class);
        Defaults.node(node);
        assertThat(PodDefaultsTest.tree(node)).isEqualTo(PodDefaultsTest.JSON.readTree("""
                {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"},"spec":{},
                 "status":{"daemonEndpoints":{"kubeletEndpoint":{"Port":0}},
                  "nodeInfo":{"architecture":"","bootID":"","containerRuntimeVersion":"","kernelVersion":"",
                   "kubeProxyVersion":"","kubeletVersion":"","machineID":"","operatingSystem":"","osImage":"",
                   "systemUUID":""}}}
                """));
        Node reported = read("{\"status\":{\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":10250}},"
                + "\"nodeInfo\":{\"kubeletVersion\":\"v1.33.0\"}}}", Node.class);
        Defaults.node(reported);
        assertThat(reported.getStatus().getDaemonEndpoints().getKubeletEndpoint().getPort()).isEqualTo(10250);
        assertThat(reported.getStatus().getNodeInfo().getKubeletVersion()).isEqualTo("v1.33.0");
        assertThat(reported.getStatus().getNodeInfo().getOsImage()).isEmpty();
    }

    @Test
    void eventGetsGoWireShape() {
        Event event = read("{\"reason\":\"Scheduled\",\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"p\"}}",
                Event.class);
        Defaults.event(event);
        assertThat(PodDefaultsTest.tree(event).get("reportingComponent").asText()).isEmpty();
        assertThat(PodDefaultsTest.tree(event).get("reportingInstance").asText()).isEmpty();
        assertThat(PodDefaultsTest.tree(event).get("source").toString()).isEqualTo("{}");

        Event reported = read("{\"reportingComponent\":\"kubelet\",\"source\":{\"component\":\"kubelet\"}}",
                Event.class);
        Defaults.event(reported);
        assertThat(reported.getReportingComponent()).isEqualTo("kubelet");
        assertThat(reported.getSource().getComponent()).isEqualTo("kubelet");
    }

    @Test
    void nullsAreTolerated() {
        Defaults.namespace(null);
        Defaults.namespaceOnCreate(null);
        Defaults.node(null);
        Defaults.node(new Node());
        Defaults.secret(null);
        Defaults.configMap(null);
        Defaults.persistentVolumeClaim(null);
        Defaults.event(null);
        Namespace ns = new Namespace();
        Defaults.namespace(ns);
        assertThat(ns.getStatus().getPhase()).isEqualTo("Active");
    }
}
