package io.kubesim.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.codec.Decoded;
import io.kubesim.registry.codec.ObjectCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nine kubectl 1.32.4 protobuf captures decode to the JSON that kubectl 1.31.9 sent for the same commands
 * (both normalized: status ignored, nulls dropped; in fact status matches too), and to the same typed object after
 * the strict decode.
 */
class ProtobufBodiesFixturesTest {

    private static final Map<String, Class<? extends HasMetadata>> JAVA_TYPES = Map.of(
            "Namespace", Namespace.class, "Deployment", Deployment.class, "Job", Job.class,
            "PodDisruptionBudget", PodDisruptionBudget.class, "PriorityClass", PriorityClass.class,
            "ResourceQuota", ResourceQuota.class, "Secret", Secret.class, "Service", Service.class);

    private final ProtobufBodies bodies = new ProtobufBodies();
    private final ObjectCodec codec = new ObjectCodec();

    @ParameterizedTest
    @ValueSource(strings = {"create-namespace-demo", "create-deployment-web", "create-deployment-zero-replicas",
            "create-job-j1", "create-pdb-pdb1", "create-priorityclass-high", "create-quota-q1",
            "create-secret-generic-s1", "create-service-clusterip-web"})
    void decodesLikeKubectl131Json(String capture) throws Exception {
        JsonNode expected = ProtobufTrees.MAPPER.readTree(ProtobufTrees.resource(capture + ".kubectl131.json"));
        ResourceType type = endpointOf(expected);

        JsonNode decoded = bodies.decode(ProtobufTrees.resource(capture + ".pb"), type);

        assertThat(ProtobufTrees.normalize(decoded)).isEqualTo(ProtobufTrees.normalize(expected));
        // status does not matter (the server resets it on create), yet it reads the same too: the zero counters
        // that Go leaves out are on the omit-zero list, the ones it writes (PDB status) are not
        assertThat(ProtobufTrees.withoutNulls(decoded)).isEqualTo(ProtobufTrees.withoutNulls(expected));
        assertThat(typed(decoded, type)).isEqualTo(typed(expected, type));
    }

    @Test
    void zeroReplicasIsKeptBecauseItIsAPointer() {
        JsonNode decoded = bodies.decode(ProtobufTrees.resource("create-deployment-zero-replicas.pb"),
                ProtobufTrees.type("apps/v1", "Deployment"));

        assertThat(decoded.at("/spec/replicas").isNumber()).isTrue();
        assertThat(decoded.at("/spec/replicas").asInt()).isZero();
    }

    @Test
    void typeMetaComesFirstFromTheEnvelope() {
        JsonNode decoded = bodies.decode(ProtobufTrees.resource("create-namespace-demo.pb"),
                ProtobufTrees.type("v1", "Namespace"));

        assertThat(decoded.propertyNames()).startsWith("kind", "apiVersion");
        assertThat(decoded.get("kind").asString()).isEqualTo("Namespace");
        assertThat(decoded.get("apiVersion").asString()).isEqualTo("v1");
    }

    private static ResourceType endpointOf(JsonNode json) {
        String kind = json.get("kind").asString();
        return ProtobufTrees.type(json.get("apiVersion").asString(), kind, JAVA_TYPES.get(kind));
    }

    /** The strict decode the write path runs: no unknown or mistyped field, and the typed object. */
    private Object typed(JsonNode tree, ResourceType type) throws Exception {
        Decoded<? extends HasMetadata> d = codec.decodeStrict(ProtobufTrees.normalize(tree), type.javaType());
        assertThat(d.problems()).isEmpty();
        return d.value();
    }
}
