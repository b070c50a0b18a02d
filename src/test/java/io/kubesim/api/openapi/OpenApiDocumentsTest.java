package io.kubesim.api.openapi;

import io.kubesim.registry.ResourceCatalog;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.kinds.Kinds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ResourceCatalog catalog = Kinds.catalog();
    private final OpenApiDocuments docs = OpenApiDocuments.of(catalog);

    private JsonNode doc(String key) {
        return JSON.readTree(docs.document(key).orElseThrow().json());
    }

    @Test
    void indexListsEveryGroupVersionAndDiscoveryDocumentWithTheSha512OfItsBytes() throws Exception {
        JsonNode index = JSON.readTree(docs.index());
        assertThat(index.propertyNames()).containsExactly("paths");
        List<String> keys = new ArrayList<>(index.get("paths").propertyNames());
        assertThat(keys).containsExactly("api", "api/v1", "apis", "apis/apps", "apis/apps/v1",
                "apis/coordination.k8s.io", "apis/coordination.k8s.io/v1", "apis/discovery.k8s.io", "apis/discovery.k8s.io/v1",
                "version");
        for (String key : keys) {
            byte[] bytes = docs.document(key).orElseThrow().json();
            String sha = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
            assertThat(index.get("paths").get(key).get("serverRelativeURL").stringValue())
                    .isEqualTo("/openapi/v3/" + key + "?hash=" + sha).matches(".*hash=[0-9A-F]{128}");
        }
    }

    @Test
    void documentsClaimTheVersionTheServerReports() throws Exception {
        var field = Class.forName("io.kubesim.api.ServerEndpoints").getDeclaredField("GIT_VERSION");
        field.setAccessible(true);
        assertThat(ApiDescription.KUBERNETES_VERSION).isEqualTo(field.get(null));
        assertThat(doc("api/v1").get("info").get("version").stringValue()).isEqualTo(ApiDescription.KUBERNETES_VERSION);
    }

    @Test
    void documentsAreStableAcrossBuilds() {
        OpenApiDocuments again = OpenApiDocuments.of(Kinds.catalog());
        assertThat(again.index()).isEqualTo(docs.index());
    }

    @Test
    void groupVersionDocumentHasEveryServedPathAndVerbWithUpstreamOperationIds() {
        JsonNode paths = doc("api/v1").get("paths");
        String ns = "/api/v1/namespaces/{namespace}/pods";
        assertOperation(paths, "/api/v1/pods", "get", "listCoreV1PodForAllNamespaces", "list");
        assertOperation(paths, ns, "get", "listCoreV1NamespacedPod", "list");
        assertOperation(paths, ns, "post", "createCoreV1NamespacedPod", "post");
        assertOperation(paths, ns, "delete", "deleteCoreV1CollectionNamespacedPod", "deletecollection");
        assertOperation(paths, ns + "/{name}", "get", "readCoreV1NamespacedPod", "get");
        assertOperation(paths, ns + "/{name}", "put", "replaceCoreV1NamespacedPod", "put");
        assertOperation(paths, ns + "/{name}", "patch", "patchCoreV1NamespacedPod", "patch");
        assertOperation(paths, ns + "/{name}", "delete", "deleteCoreV1NamespacedPod", "delete");
        assertOperation(paths, ns + "/{name}/status", "patch", "patchCoreV1NamespacedPodStatus", "patch");
        assertOperation(paths, "/api/v1/watch/namespaces/{namespace}/pods/{name}", "get", "watchCoreV1NamespacedPod", "watch");
        assertOperation(paths, "/api/v1/watch/namespaces/{namespace}/pods", "get", "watchCoreV1NamespacedPodList", "watchlist");
        assertOperation(paths, "/api/v1/watch/pods", "get", "watchCoreV1PodListForAllNamespaces", "watchlist");
        assertOperation(paths, "/api/v1/nodes", "get", "listCoreV1Node", "list");
        assertOperation(paths, "/api/v1/namespaces/{name}/finalize", "put", "replaceCoreV1NamespaceFinalize", "put");
        assertOperation(paths, "/api/v1/namespaces/{namespace}/replicationcontrollers/{name}/scale", "patch",
                "patchCoreV1NamespacedReplicationControllerScale", "patch");
        assertThat(paths.get("/api/v1").get("get").get("operationId").stringValue()).isEqualTo("getCoreV1APIResources");
        JsonNode apps = doc("apis/apps/v1").get("paths");
        assertOperation(apps, "/apis/apps/v1/namespaces/{namespace}/deployments", "post",
                "createAppsV1NamespacedDeployment", "post");
        assertOperation(apps, "/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale", "get",
                "readAppsV1NamespacedDeploymentScale", "get");
        assertThat(apps.get("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale").get("get")
                .get("x-kubernetes-group-version-kind").get("group").stringValue()).isEqualTo("autoscaling");
    }

    private static void assertOperation(JsonNode paths, String path, String method, String id, String action) {
        JsonNode op = paths.get(path).get(method);
        assertThat(op).as(method + " " + path).isNotNull();
        assertThat(op.get("operationId").stringValue()).isEqualTo(id);
        assertThat(op.get("x-kubernetes-action").stringValue()).isEqualTo(action);
        assertThat(op.get("tags").get(0).stringValue()).endsWith("_v1");
    }

    @Test
    void everyKindHasExactlyItsServedPathsAndMethods() {
        for (String gv : catalog.groupVersions()) {
            String group = gv.contains("/") ? gv.substring(0, gv.indexOf('/')) : "";
            String version = gv.substring(gv.indexOf('/') + 1);
            String key = GroupNames.documentKey(group, version);
            Set<String> expected = new TreeSet<>(Set.of("get /" + key));
            catalog.typesIn(group, version).forEach(t -> expected.addAll(expected(t)));
            Set<String> actual = new TreeSet<>();
            doc(key).get("paths").properties().forEach(p -> p.getValue().propertyNames().stream()
                    .filter(m -> !m.equals("parameters")).forEach(m -> actual.add(m + " " + p.getKey())));
            assertThat(actual).as(key).isEqualTo(expected);
        }
    }

    /** What ResourceEndpoint and SubresourceHandlers answer for a kind, written out independently. */
    private static Set<String> expected(ResourceType t) {
        String p = "/" + GroupNames.documentKey(t.group(), t.version());
        String scope = t.namespaced() ? "/namespaces/{namespace}/" : "/";
        String coll = p + scope + t.plural();
        Set<String> out = new TreeSet<>(Set.of("get " + coll, "post " + coll, "delete " + coll, "get " + coll + "/{name}",
                "put " + coll + "/{name}", "patch " + coll + "/{name}", "delete " + coll + "/{name}",
                "get " + p + "/watch" + scope + t.plural(), "get " + p + "/watch" + scope + t.plural() + "/{name}"));
        if (t.namespaced()) {
            out.add("get " + p + "/" + t.plural());
            out.add("get " + p + "/watch/" + t.plural());
        }
        for (String sub : t.subresources()) {
            String path = coll + "/{name}/" + sub;
            switch (sub) {
                case "status", "scale" -> out.addAll(Set.of("get " + path, "put " + path, "patch " + path));
                case "finalize" -> out.add("put " + path);
                case "log" -> out.add("get " + path);
                case "binding", "eviction" -> out.add("post " + path);
                default -> throw new AssertionError("unexpected subresource " + sub);
            }
        }
        return out;
    }

    @Test
    void everyPatchAdvertisesFieldValidationStrategicMergePatchAndApply() {
        int patches = 0;
        for (OpenApiDocuments.Document d : docs.documents()) {
            for (var path : JSON.readTree(d.json()).get("paths").properties()) {
                JsonNode patch = path.getValue().get("patch");
                if (patch == null) {
                    continue;
                }
                patches++;
                List<String> params = new ArrayList<>();
                patch.get("parameters").forEach(p -> params.add(p.get("in").stringValue() + ":" + p.get("name").stringValue()));
                assertThat(params).contains("query:fieldValidation", "query:fieldManager", "query:dryRun", "query:force");
                assertThat(patch.get("x-kubernetes-group-version-kind").get("kind").isString()).isTrue();
                assertThat(patch.get("requestBody").get("content").propertyNames()).containsExactly(
                        "application/json-patch+json", "application/merge-patch+json",
                        "application/strategic-merge-patch+json", "application/apply-patch+yaml");
            }
        }
        assertThat(patches).isGreaterThan(20);
    }

    @Test
    void podSchemaDescribesContainersWithTheServersMergeKey() {
        JsonNode schemas = doc("api/v1").get("components").get("schemas");
        JsonNode pod = schemas.get("io.k8s.api.core.v1.Pod");
        assertThat(pod.get("x-kubernetes-group-version-kind").get(0).toString())
                .isEqualTo("{\"group\":\"\",\"kind\":\"Pod\",\"version\":\"v1\"}");
        assertThat(pod.get("description").stringValue()).startsWith("Pod is a collection of containers");
        assertThat(pod.get("properties").get("spec").get("allOf").get(0).get("$ref").stringValue())
                .isEqualTo("#/components/schemas/io.k8s.api.core.v1.PodSpec");
        JsonNode containers = schemas.get("io.k8s.api.core.v1.PodSpec").get("properties").get("containers");
        assertThat(containers.get("description").stringValue()).startsWith("List of containers belonging to the pod");
        assertThat(containers.get("type").stringValue()).isEqualTo("array");
        assertThat(containers.get("items").get("$ref").stringValue()).endsWith("io.k8s.api.core.v1.Container");
        assertThat(containers.get("x-kubernetes-patch-merge-key").stringValue()).isEqualTo("name");
        assertThat(containers.get("x-kubernetes-patch-strategy").stringValue()).isEqualTo("merge");
        assertThat(containers.get("x-kubernetes-list-type").stringValue()).isEqualTo("map");
        JsonNode container = schemas.get("io.k8s.api.core.v1.Container");
        assertThat(container.get("required").toString()).isEqualTo("[\"name\"]");
        assertThat(container.get("properties").get("ports").get("x-kubernetes-list-map-keys").toString())
                .isEqualTo("[\"containerPort\",\"protocol\"]");
        JsonNode volumes = schemas.get("io.k8s.api.core.v1.PodSpec").get("properties").get("volumes");
        assertThat(volumes.get("x-kubernetes-patch-strategy").stringValue()).isEqualTo("merge,retainKeys");
        JsonNode meta = schemas.get("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta").get("properties");
        assertThat(meta.get("creationTimestamp").get("allOf").get(0).get("$ref").stringValue())
                .endsWith("meta.v1.Time");
        assertThat(meta.get("ownerReferences").get("x-kubernetes-patch-merge-key").stringValue()).isEqualTo("uid");
        assertThat(schemas.get("io.k8s.api.core.v1.ServicePort").get("properties").get("targetPort").get("allOf")
                .get(0).get("$ref").stringValue()).endsWith("io.k8s.apimachinery.pkg.util.intstr.IntOrString");
        assertThat(schemas.get("io.k8s.apimachinery.pkg.util.intstr.IntOrString").get("x-kubernetes-int-or-string")
                .booleanValue()).isTrue();
        assertThat(schemas.get("io.k8s.api.core.v1.Secret").get("properties").get("data").get("additionalProperties")
                .get("format").stringValue()).isEqualTo("byte");
    }

    @Test
    void workloadSchemasCarryTheirKindsAndStrategies() {
        JsonNode schemas = doc("apis/apps/v1").get("components").get("schemas");
        assertThat(schemas.get("io.k8s.api.apps.v1.DeploymentSpec").get("properties").get("strategy")
                .get("x-kubernetes-patch-strategy").stringValue()).isEqualTo("retainKeys");
        assertThat(schemas.has("io.k8s.api.core.v1.PodTemplateSpec")).isTrue();
        assertThat(schemas.get("io.k8s.api.autoscaling.v1.Scale").get("x-kubernetes-group-version-kind").get(0)
                .get("group").stringValue()).isEqualTo("autoscaling");
        assertThat(schemas.get("io.k8s.api.apps.v1.DeploymentList").get("x-kubernetes-group-version-kind").get(0)
                .get("kind").stringValue()).isEqualTo("DeploymentList");
        JsonNode lease = doc("apis/coordination.k8s.io/v1").get("components").get("schemas")
                .get("io.k8s.api.coordination.v1.LeaseSpec").get("properties").get("renewTime");
        assertThat(lease.get("allOf").get(0).get("$ref").stringValue()).endsWith("meta.v1.MicroTime");
    }

    @Test
    void everyReferenceResolvesInsideItsDocument() {
        for (OpenApiDocuments.Document d : docs.documents()) {
            JsonNode doc = JSON.readTree(d.json());
            List<String> refs = new ArrayList<>();
            Components.refs(doc, refs);
            assertThat(refs).as(d.key()).isNotEmpty();
            refs.forEach(r -> assertThat(doc.get("components").get("schemas").has(r)).as(d.key() + " " + r).isTrue());
        }
    }
}
