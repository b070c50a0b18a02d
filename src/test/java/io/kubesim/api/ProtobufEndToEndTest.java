package io.kubesim.api;

import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubesim.support.ApiTestBase;
import io.kubesim.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP, as kubectl 1.32 sends them: a protobuf create stores the same object as the kubectl 1.31 JSON
 * create of the same command; scale updates and typed deletes accept protobuf too.
 */
class ProtobufEndToEndTest extends ApiTestBase {

    private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
    private static final Map<String, String> KUBECTL = Map.of("Accept", PROTOBUF + ",application/json");
    private static final String CREATE = "?fieldManager=kubectl-create&fieldValidation=Strict";

    @ParameterizedTest
    @CsvSource({
            "create-deployment-web, /apis/apps/v1/namespaces/NS/deployments",
            "create-deployment-zero-replicas, /apis/apps/v1/namespaces/NS/deployments",
            "create-secret-generic-s1, /api/v1/namespaces/NS/secrets",
            "create-service-clusterip-web, /api/v1/namespaces/NS/services"})
    void protobufCreateStoresWhatTheJsonCreateStores(String capture, String collection) {
        String other = otherNamespace();

        Http.Response fromProtobuf = http.sendBytes("POST", collection.replace("NS", namespace) + CREATE, PROTOBUF,
                ProtobufTrees.resource(capture + ".pb"), KUBECTL);
        Http.Response fromJson = http.sendBytes("POST", collection.replace("NS", other) + CREATE, "application/json",
                ProtobufTrees.resource(capture + ".kubectl131.json"), KUBECTL);

        assertThat(fromProtobuf.code()).as(fromProtobuf.body()).isEqualTo(201);
        assertThat(fromJson.code()).as(fromJson.body()).isEqualTo(201);
        assertThat(comparable(fromProtobuf.json())).isEqualTo(comparable(fromJson.json()));
    }

    @Test
    void protobufNamespaceCreate() {
        // the capture creates "demo"; the same four bytes get a name of its own, as contexts share a database
        String name = "n" + UUID.randomUUID().toString().substring(0, 3);
        byte[] body = ProtobufTrees.resource("create-namespace-demo.pb");
        String text = new String(body, StandardCharsets.ISO_8859_1);
        byte[] renamed = text.replace("demo", name).getBytes(StandardCharsets.ISO_8859_1);

        Http.Response r = http.sendBytes("POST", "/api/v1/namespaces" + CREATE, PROTOBUF, renamed, KUBECTL);

        assertThat(r.code()).as(r.body()).isEqualTo(201);
        assertThat(r.json().at("/metadata/name").asString()).isEqualTo(name);
        assertThat(r.json().at("/status/phase").asString()).isEqualTo("Active");
    }

    @Test
    void protobufOfAnotherKindIsABadRequest() {
        Http.Response r = http.sendBytes("POST", "/api/v1/namespaces/" + namespace + "/secrets" + CREATE, PROTOBUF,
                ProtobufTrees.resource("create-service-clusterip-web.pb"), KUBECTL);

        assertThat(r.code()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).isEqualTo("Secret in version \"v1\" cannot be handled as a "
                + "Secret: the kind in the data (Service) does not match the expected kind (Secret)");
    }

    @Test
    void protobufScaleUpdate() {
        String deployments = "/apis/apps/v1/namespaces/" + namespace + "/deployments";
        assertThat(http.sendBytes("POST", deployments, PROTOBUF, ProtobufTrees.resource("create-deployment-web.pb"),
                KUBECTL).code()).isEqualTo(201);
        V1Autoscaling.Scale scale = V1Autoscaling.Scale.newBuilder()
                .setMetadata(ProtobufMessages.gogoMeta("web", namespace))
                .setSpec(V1Autoscaling.ScaleSpec.newBuilder().setReplicas(0))
                .build();

        Http.Response r = http.sendBytes("PUT", deployments + "/web/scale", PROTOBUF,
                ProtobufMessages.envelope("autoscaling/v1", "Scale", scale), KUBECTL);

        assertThat(r.code()).as(r.body()).isEqualTo(200);
        assertThat(http.get(deployments + "/web").json().at("/spec/replicas").asInt(-1)).isZero();
    }

    @Test
    void protobufDeleteOptions() {
        String secrets = "/api/v1/namespaces/" + namespace + "/secrets";
        assertThat(http.sendBytes("POST", secrets, PROTOBUF, ProtobufTrees.resource("create-secret-generic-s1.pb"),
                KUBECTL).code()).isEqualTo(201);
        Meta.DeleteOptions dryRun = Meta.DeleteOptions.newBuilder().addDryRun("All").build();

        Http.Response r = http.sendBytes("DELETE", secrets + "/s1", PROTOBUF,
                ProtobufMessages.envelope("v1", "DeleteOptions", dryRun), KUBECTL);

        assertThat(r.code()).as(r.body()).isEqualTo(200);
        assertThat(http.get(secrets + "/s1").code()).isEqualTo(200);
    }

    private String otherNamespace() {
        String name = "json-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + name + "\"}}");
        assertThat(r.code()).as(r.body()).isEqualTo(201);
        return name;
    }

    /** The stored object without what differs between any two creates (identity, time, namespace). */
    private static JsonNode comparable(JsonNode stored) {
        ObjectNode copy = (ObjectNode) ProtobufTrees.reparsed(stored);
        ObjectNode meta = (ObjectNode) copy.get("metadata");
        meta.remove(java.util.List.of("uid", "resourceVersion", "creationTimestamp", "managedFields", "namespace"));
        if (copy.get("spec") instanceof ObjectNode spec) {
            spec.remove(java.util.List.of("clusterIP", "clusterIPs")); // allocated per service
        }
        return ProtobufTrees.json(new String(ProtobufTrees.MAPPER.writeValueAsBytes(copy), StandardCharsets.UTF_8));
    }
}
