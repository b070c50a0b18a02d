package io.kubesim.contract;

import java.util.List;

/** A minimal valid object of every served kind, and where it is served. */
final class Samples {

    /** One kind under test: its collection path (with {ns}), plural, kind and a body template (with {name}). */
    record Kind(String kind, String collection, boolean namespaced, String body) {
        String path(String ns) {
            return collection.replace("{ns}", ns);
        }

        String bodyFor(String name, String label) {
            return body.replace("{name}", name).replace("{label}", label);
        }

        Kind in(String ns) {
            return new Kind(kind, collection, namespaced, body.replace("{ns}", ns));
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    static final String META = "\"metadata\":{\"name\":\"{name}\",\"labels\":{\"sel\":\"{label}\"}}";

    static List<Kind> all() {
        return List.of(
                new Kind("ConfigMap", "/api/v1/namespaces/{ns}/configmaps", true,
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"," + META + ",\"data\":{\"a\":\"b\"}}"),
                new Kind("Secret", "/api/v1/namespaces/{ns}/secrets", true,
                        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\"," + META + ",\"data\":{\"a\":\"Yg==\"}}"),
                new Kind("Pod", "/api/v1/namespaces/{ns}/pods", true,
                        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"," + META + ",\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}"),
                new Kind("Service", "/api/v1/namespaces/{ns}/services", true,
                        "{\"apiVersion\":\"v1\",\"kind\":\"Service\"," + META + ",\"spec\":{\"selector\":{\"app\":\"x\"},\"ports\":[{\"port\":80}]}}"),
                new Kind("Endpoints", "/api/v1/namespaces/{ns}/endpoints", true,
                        "{\"apiVersion\":\"v1\",\"kind\":\"Endpoints\"," + META + ",\"subsets\":[{\"addresses\":[{\"ip\":\"10.0.0.1\"}],\"ports\":[{\"port\":80}]}]}"),
                new Kind("Event", "/api/v1/namespaces/{ns}/events", true,
                        "{\"apiVersion\":\"v1\",\"kind\":\"Event\"," + META + ",\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"p\",\"namespace\":\"{ns}\"},\"reason\":\"Tested\",\"message\":\"m\",\"type\":\"Normal\"}"),
                new Kind("ReplicationController", "/api/v1/namespaces/{ns}/replicationcontrollers", true,
                        "{\"apiVersion\":\"v1\",\"kind\":\"ReplicationController\"," + META + ",\"spec\":{\"replicas\":0,\"selector\":{\"app\":\"x\"},\"template\":{\"metadata\":{\"labels\":{\"app\":\"x\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}}}"),
                new Kind("ReplicaSet", "/apis/apps/v1/namespaces/{ns}/replicasets", true,
                        "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\"," + META + ",\"spec\":{\"replicas\":0,\"selector\":{\"matchLabels\":{\"app\":\"x\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"x\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}}}"),
                new Kind("Deployment", "/apis/apps/v1/namespaces/{ns}/deployments", true,
                        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\"," + META + ",\"spec\":{\"replicas\":0,\"selector\":{\"matchLabels\":{\"app\":\"x\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"x\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}}}"),
                new Kind("Lease", "/apis/coordination.k8s.io/v1/namespaces/{ns}/leases", true,
                        "{\"apiVersion\":\"coordination.k8s.io/v1\",\"kind\":\"Lease\"," + META + ",\"spec\":{\"holderIdentity\":\"me\",\"leaseDurationSeconds\":40}}"),
                new Kind("Node", "/api/v1/nodes", false,
                        "{\"apiVersion\":\"v1\",\"kind\":\"Node\"," + META + "}"),
                new Kind("Namespace", "/api/v1/namespaces", false,
                        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\"," + META + "}"));
    }

    private Samples() {
    }
}
