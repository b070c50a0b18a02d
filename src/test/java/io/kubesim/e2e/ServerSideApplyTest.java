package io.kubesim.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.support.ApiTestBase;
import io.kubesim.support.Http;
import io.kubesim.support.Kubectl;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Server-side apply and managedFields with kubectl, fabric8 and raw HTTP. */
class ServerSideApplyTest extends ApiTestBase {

    private static final String APPLY = "application/apply-patch+yaml";

    private String deployment(String image, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: %s
                  labels: {app: web}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - name: nginx
                        image: %s
                        ports: [{containerPort: 80}]
                """.formatted(namespace, replicas, image);
    }

    @Test
    void kubectlServerSideApplyCreatesUpdatesAndReportsConflicts() throws Exception {
        Kubectl kubectl = Kubectl.against(baseUrl());
        Kubectl.Result created = kubectl.runWithInput(deployment("nginx:1.25", 2), "apply", "--server-side", "-f", "-");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("deployment.apps/web serverside-applied");

        Deployment d = client.apps().deployments().withName("web").get();
        ManagedFieldsEntry entry = d.getMetadata().getManagedFields().get(0);
        assertThat(entry.getManager()).isEqualTo("kubectl");
        assertThat(entry.getOperation()).isEqualTo("Apply");
        assertThat(entry.getFieldsType()).isEqualTo("FieldsV1");
        String fields = Http.JSON.writeValueAsString(entry.getFieldsV1());
        assertThat(fields).contains("k:{\\\"name\\\":\\\"nginx\\\"}").contains("f:replicas");

        // another manager takes spec.replicas with a plain update: kubectl's next apply of a new value conflicts
        Http.Response scaled = http.patch("/apis/apps/v1/namespaces/" + namespace + "/deployments/web?fieldManager=scaler",
                "application/merge-patch+json", "{\"spec\":{\"replicas\":5}}");
        assertThat(scaled.code()).isEqualTo(200);
        Kubectl.Result conflict = kubectl.runWithInput(deployment("nginx:1.25", 3), "apply", "--server-side", "-f", "-");
        assertThat(conflict.exitCode()).isNotZero();
        assertThat(conflict.err()).contains("Apply failed with 1 conflict: conflict with \"scaler\" using apps/v1: .spec.replicas");

        Kubectl.Result forced = kubectl.runWithInput(deployment("nginx:1.26", 3), "apply", "--server-side",
                "--force-conflicts", "-f", "-");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        Deployment after = client.apps().deployments().withName("web").get();
        assertThat(after.getSpec().getReplicas()).isEqualTo(3);
        assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.26");
        assertThat(after.getMetadata().getManagedFields()).noneMatch(e -> e.getManager().equals("scaler")
                && Http.JSON.writeValueAsString(e.getFieldsV1()).contains("f:replicas"));
    }

    @Test
    void fabric8ServerSideApplySharesAndForcesOwnership() {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata()
                .addToData("mode", "fast").addToData("level", "1").build();
        client.configMaps().resource(cm).fieldManager("team-a").serverSideApply();

        ConfigMap same = new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata()
                .addToData("mode", "fast").build();
        client.configMaps().resource(same).fieldManager("team-b").serverSideApply();
        ConfigMap shared = client.configMaps().withName("settings").get();
        assertThat(shared.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
                .containsExactlyInAnyOrder("team-a", "team-b");

        ConfigMap change = new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata()
                .addToData("mode", "slow").build();
        assertThatThrownBy(() -> client.configMaps().resource(change).fieldManager("team-b").serverSideApply())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getDetails().getCauses()).singleElement()
                            .satisfies(c -> {
                                assertThat(c.getReason()).isEqualTo("FieldManagerConflict");
                                assertThat(c.getField()).isEqualTo(".data.mode");
                            });
                });
        client.configMaps().resource(change).fieldManager("team-b").forceConflicts().serverSideApply();
        assertThat(client.configMaps().withName("settings").get().getData()).containsEntry("mode", "slow")
                .containsEntry("level", "1");
    }

    @Test
    void applyPrunesFieldsTheManagerStopsSendingAndIsIdempotent() {
        String path = "/api/v1/namespaces/" + namespace + "/configmaps/p?fieldManager=tool";
        String both = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"p\"},\"data\":{\"a\":\"1\",\"b\":\"2\"}}";
        Http.Response first = http.patch(path, APPLY, both);
        assertThat(first.code()).as(first.body()).isEqualTo(201);
        Http.Response again = http.patch(path, APPLY, both);
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.json().at("/metadata/resourceVersion").asString())
                .isEqualTo(first.json().at("/metadata/resourceVersion").asString());

        Http.Response pruned = http.patch(path, APPLY, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p\ndata:\n  a: \"1\"\n");
        assertThat(pruned.code()).as(pruned.body()).isEqualTo(200);
        assertThat(pruned.json().path("data").propertyNames()).containsExactly("a");
    }

    @Test
    void badApplyRequestsAreStatusErrors() {
        String base = "/api/v1/namespaces/" + namespace + "/configmaps/bad";
        String cm = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"bad\"}}";

        Http.Response noManager = http.patch(base, APPLY, cm);
        assertThat(noManager.code()).isEqualTo(422);
        assertThat(noManager.json().path("message").asString()).contains("fieldManager: Required value");

        Http.Response unknown = http.patch(base + "?fieldManager=m", APPLY,
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"bad\"},\"spec\":{}}");
        assertThat(unknown.code()).isEqualTo(400);
        assertThat(unknown.json().path("message").asString()).contains(".spec: field not declared in schema");

        Http.Response wrongKind = http.patch(base + "?fieldManager=m", APPLY,
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"bad\"}}");
        assertThat(wrongKind.code()).isEqualTo(400);
        assertThat(wrongKind.json().path("message").asString()).isEqualTo("invalid object type: /v1, Kind=Secret");

        Http.Response malformed = http.patch(base + "?fieldManager=m", APPLY, "kind: [unclosed");
        assertThat(malformed.code()).isEqualTo(400);
        assertThat(malformed.json().path("kind").asString()).isEqualTo("Status");

        Http.Response otherName = http.patch(base + "?fieldManager=m", APPLY,
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"other\"}}");
        assertThat(otherName.code()).isEqualTo(400);
        assertThat(otherName.json().path("message").asString())
                .isEqualTo("the name of the object (other) does not match the name on the URL (bad)");

        Http.Response dryRun = http.patch(base + "?fieldManager=m&dryRun=All", APPLY, cm);
        assertThat(dryRun.code()).isEqualTo(201);
        assertThat(http.get(base).code()).isEqualTo(404);

        Http.Response forceOnMerge = http.patch(base + "?force=true", "application/merge-patch+json", "{}");
        assertThat(forceOnMerge.code()).isEqualTo(422);
    }

    @Test
    void everyWriteRecordsItsManager() {
        String path = "/api/v1/namespaces/" + namespace + "/configmaps";
        Http.Response created = http.send("POST", path, "application/json",
                "{\"metadata\":{\"name\":\"ua\"},\"data\":{\"k\":\"v\"}}", Map.of("User-Agent", "my-operator/1.2 (linux)"));
        assertThat(created.code()).isEqualTo(201);
        JsonNode entry = created.json().at("/metadata/managedFields/0");
        assertThat(entry.path("manager").asString()).isEqualTo("my-operator");
        assertThat(entry.path("operation").asString()).isEqualTo("Update");
        assertThat(entry.at("/fieldsV1/f:data/f:k").isObject()).isTrue();

        Http.Response updated = http.patch(path + "/ua?fieldManager=editor", "application/merge-patch+json",
                "{\"data\":{\"k\":\"w\"}}");
        JsonNode managed = updated.json().at("/metadata/managedFields");
        assertThat(managed).hasSize(2);
        // the editor took data.k; the creator keeps only the (now empty) data map, as upstream
        assertThat(managed.get(0).path("manager").asString()).isEqualTo("editor");
        assertThat(managed.get(0).at("/fieldsV1/f:data/f:k").isObject()).isTrue();
        assertThat(managed.get(1).path("manager").asString()).isEqualTo("my-operator");
        assertThat(managed.get(1).at("/fieldsV1/f:data/f:k").isMissingNode()).isTrue();

        String rv = updated.json().at("/metadata/resourceVersion").asString();
        Http.Response same = http.patch(path + "/ua?fieldManager=editor", "application/merge-patch+json",
                "{\"data\":{\"k\":\"w\"}}");
        assertThat(same.json().at("/metadata/resourceVersion").asString()).isEqualTo(rv);
    }

    private String deployments() {
        return "/apis/apps/v1/namespaces/" + namespace + "/deployments";
    }

    /** A two-replica deployment created by manager {@code creator}; the created object. */
    private JsonNode createDeployment(String name) {
        Http.Response created = http.post(deployments() + "?fieldManager=creator", "{\"apiVersion\":\"apps/v1\","
                + "\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"replicas\":2,"
                + "\"selector\":{\"matchLabels\":{\"a\":\"b\"}},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}}}");
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aLabelChangeLeavesSpecOwnershipAndASpecChangeMovesIt() {
        String path = deployments();
        createDeployment("d");

        Http.Response labelled = http.patch(path + "/d?fieldManager=labeller", "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"team\":\"x\"}},\"spec\":{\"replicas\":2}}");
        JsonNode managed = labelled.json().at("/metadata/managedFields");
        assertThat(managed).hasSize(2);
        assertThat(managed.get(0).path("manager").asString()).isEqualTo("creator");
        assertThat(managed.get(0).at("/fieldsV1/f:spec/f:replicas").isObject()).isTrue();
        assertThat(managed.get(1).path("manager").asString()).isEqualTo("labeller");
        assertThat(managed.get(1).at("/fieldsV1/f:metadata/f:labels/f:team").isObject()).isTrue();
        assertThat(managed.get(1).at("/fieldsV1/f:spec").isMissingNode()).isTrue();

        Http.Response scaled = http.patch(path + "/d?fieldManager=scaler", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":3}}");
        managed = scaled.json().at("/metadata/managedFields");
        assertThat(managed).hasSize(3);
        assertThat(managed.get(0).at("/fieldsV1/f:spec/f:replicas").isMissingNode()).isTrue();
        assertThat(managed.get(0).at("/fieldsV1/f:spec/f:template").isObject()).isTrue();
        assertThat(managed.get(2).path("manager").asString()).isEqualTo("scaler");
        assertThat(managed.get(2).at("/fieldsV1/f:spec/f:replicas").isObject()).isTrue();
    }

    @Test
    void aStatusWriteKeepsTheLiveManagedFieldsWhateverItSends() {
        String path = deployments();
        tools.jackson.databind.node.ObjectNode body = (tools.jackson.databind.node.ObjectNode) createDeployment("s");
        ((tools.jackson.databind.node.ObjectNode) body.get("metadata")).putArray("managedFields").addObject();
        body.putObject("status").put("replicas", 3);
        Http.Response written = http.put(path + "/s/status?fieldManager=statuser", body.toString());
        assertThat(written.code()).as(written.body()).isEqualTo(200);
        JsonNode managed = written.json().at("/metadata/managedFields");
        assertThat(managed).hasSize(2);
        assertThat(managed.get(0).path("manager").asString()).isEqualTo("creator");
        assertThat(managed.get(1).path("manager").asString()).isEqualTo("statuser");
        assertThat(managed.get(1).at("/fieldsV1/f:status/f:replicas").isObject()).isTrue();
    }
}
