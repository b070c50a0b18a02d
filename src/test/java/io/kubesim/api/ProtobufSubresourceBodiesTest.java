package io.kubesim.api;

import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Policy;
import io.kubesim.registry.ApiException;
import io.kubesim.registry.DeleteOptions;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.codec.Decoded;
import io.kubesim.registry.codec.ObjectCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The bodies of {@code kubectl drain} (policy/v1 Eviction with DeleteOptions), of a scale update (autoscaling/v1
 * Scale) and of a typed DELETE (DeleteOptions), encoded with the generated builders as client-go would.
 */
class ProtobufSubresourceBodiesTest {

    private static final ResourceType EVICTIONS = ProtobufTrees.type("policy/v1", "Eviction", Eviction.class);

    private final ProtobufBodies bodies = new ProtobufBodies();
    private final ObjectCodec codec = new ObjectCodec();

    @Test
    void evictionWithDeleteOptions() throws Exception {
        V1Policy.Eviction eviction = V1Policy.Eviction.newBuilder()
                .setMetadata(ProtobufMessages.gogoMeta("web-1", "default"))
                .setDeleteOptions(Meta.DeleteOptions.newBuilder()
                        .setGracePeriodSeconds(0)
                        .setPreconditions(Meta.Preconditions.newBuilder().setUid("u-1"))
                        .setPropagationPolicy("Foreground")
                        .addDryRun("All"))
                .build();

        JsonNode decoded = bodies.decode(ProtobufMessages.envelope("policy/v1", "Eviction", eviction), EVICTIONS);

        // gracePeriodSeconds is a pointer: 0 (evict now) is written only when set, and kept
        assertThat(ProtobufTrees.reparsed(decoded)).isEqualTo(ProtobufTrees.json("""
                {"kind":"Eviction","apiVersion":"policy/v1",
                 "metadata":{"name":"web-1","namespace":"default"},
                 "deleteOptions":{"gracePeriodSeconds":0,"preconditions":{"uid":"u-1"},
                                  "propagationPolicy":"Foreground","dryRun":["All"]}}"""));
        Decoded<Eviction> typed = codec.decodeStrict(decoded, Eviction.class);
        assertThat(typed.problems()).isEmpty();
        assertThat(typed.value().getDeleteOptions().getGracePeriodSeconds()).isZero();
        assertThat(typed.value().getDeleteOptions().getOrphanDependents()).isNull();
    }

    @Test
    void evictionWithoutDeleteOptions() throws Exception {
        V1Policy.Eviction eviction = V1Policy.Eviction.newBuilder()
                .setMetadata(ProtobufMessages.gogoMeta("web-1", "default")).build();

        JsonNode decoded = bodies.decode(ProtobufMessages.envelope("policy/v1", "Eviction", eviction), EVICTIONS);

        assertThat(ProtobufTrees.reparsed(decoded)).isEqualTo(ProtobufTrees.json("""
                {"kind":"Eviction","apiVersion":"policy/v1","metadata":{"name":"web-1","namespace":"default"}}"""));
    }

    @Test
    void scaleUpdate() throws Exception {
        V1Autoscaling.Scale scale = V1Autoscaling.Scale.newBuilder()
                .setMetadata(ProtobufMessages.gogoMeta("web", "default").setResourceVersion("12"))
                .setSpec(V1Autoscaling.ScaleSpec.newBuilder().setReplicas(5))
                .setStatus(V1Autoscaling.ScaleStatus.newBuilder().setReplicas(2).setSelector("app=web"))
                .build();

        JsonNode decoded = bodies.decode(ProtobufMessages.envelope("autoscaling/v1", "Scale", scale),
                SubresourceHandlers.SCALE);

        assertThat(ProtobufTrees.reparsed(decoded)).isEqualTo(ProtobufTrees.json("""
                {"kind":"Scale","apiVersion":"autoscaling/v1",
                 "metadata":{"name":"web","namespace":"default","resourceVersion":"12"},
                 "spec":{"replicas":5},"status":{"replicas":2,"selector":"app=web"}}"""));
        Decoded<Scale> typed = codec.decodeStrict(decoded, Scale.class);
        assertThat(typed.problems()).isEmpty();
        assertThat(typed.value().getSpec().getReplicas()).isEqualTo(5);
    }

    @Test
    void scaleToZeroKeepsTheZero() {
        V1Autoscaling.Scale scale = V1Autoscaling.Scale.newBuilder()
                .setMetadata(ProtobufMessages.gogoMeta("web", "default"))
                .setSpec(V1Autoscaling.ScaleSpec.newBuilder().setReplicas(0))
                .build();

        JsonNode decoded = bodies.decode(ProtobufMessages.envelope("autoscaling/v1", "Scale", scale),
                SubresourceHandlers.SCALE);

        assertThat(decoded.at("/spec/replicas").asInt(-1)).isZero();
    }

    @Test
    void aDeploymentSentToTheScaleEndpointIsABadRequest() {
        ApiException e = catchThrowableOfType(ApiException.class, () ->
                bodies.decode(ProtobufTrees.resource("create-deployment-web.pb"), SubresourceHandlers.SCALE));

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("the API version in the data (apps/v1) does not match the expected "
                + "API version (autoscaling/v1)");
    }

    @Test
    void deleteOptionsBodyOfATypedDelete() {
        Meta.DeleteOptions options = Meta.DeleteOptions.newBuilder()
                .setGracePeriodSeconds(0).setPropagationPolicy("Background").setOrphanDependents(false).build();

        JsonNode decoded = bodies.deleteOptions(ProtobufMessages.envelope("v1", "DeleteOptions", options));
        DeleteOptions parsed = DeleteOptionsBody.parse(decoded, false);

        assertThat(parsed.gracePeriodSeconds()).isZero();
        assertThat(parsed.propagationPolicy()).isEqualTo("Background");
        assertThat(parsed.orphanDependents()).isFalse();
        assertThat(parsed.dryRun()).isFalse();
    }

    @Test
    void deleteOptionsInAnyGroupVersion() {
        Meta.DeleteOptions options = Meta.DeleteOptions.newBuilder().addDryRun("All").build();

        JsonNode decoded = bodies.deleteOptions(ProtobufMessages.envelope("apps/v1", "DeleteOptions", options));

        assertThat(DeleteOptionsBody.parse(decoded, false).dryRun()).isTrue();
    }

    @Test
    void anotherKindThanDeleteOptionsIsABadRequest() {
        ApiException e = catchThrowableOfType(ApiException.class, () ->
                bodies.deleteOptions(ProtobufTrees.resource("create-namespace-demo.pb")));

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("DeleteOptions in version \"v1\" cannot be handled as a DeleteOptions: "
                + "the kind in the data (Namespace) does not match the expected kind (DeleteOptions)");
    }
}
