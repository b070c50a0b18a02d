package io.kubesim.api;

import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubesim.registry.ApiException;
import io.kubesim.registry.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bodies that cannot be decoded answer 400 with the apiserver's wording (415 for kinds without protobuf). */
class ProtobufBodiesErrorsTest {

    private static final ResourceType NAMESPACES = ProtobufTrees.type("v1", "Namespace");
    private static final String PREFIX = "Namespace in version \"v1\" cannot be handled as a Namespace: ";

    private final ProtobufBodies bodies = new ProtobufBodies();

    @Test
    void badMagicIsABadRequest() {
        byte[] body = ProtobufTrees.resource("create-namespace-demo.pb");
        body[1] = 'X';

        ApiException e = failure(body, NAMESPACES);

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo(PREFIX
                + "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
    }

    @Test
    void jsonSentAsProtobufIsABadRequest() {
        ApiException e = failure("{\"kind\":\"Namespace\"}".getBytes(), NAMESPACES);

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).startsWith(PREFIX + "provided data does not appear to be a protobuf message");
    }

    @Test
    void emptyBodyIsABadRequest() {
        ApiException e = failure(new byte[0], NAMESPACES);

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo(PREFIX + "empty data");
    }

    @Test
    void truncatedEnvelopeIsABadRequest() {
        byte[] whole = ProtobufTrees.resource("create-namespace-demo.pb");

        ApiException e = failure(Arrays.copyOf(whole, whole.length - 10), NAMESPACES);

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo(PREFIX + "unexpected EOF");
    }

    @Test
    void truncatedObjectIsABadRequest() {
        byte[] raw = V1.Namespace.newBuilder().setMetadata(ProtobufMessages.meta("demo", "")).build().toByteArray();
        byte[] cut = Arrays.copyOf(raw, raw.length - 2);
        byte[] body = ProtobufMessages.envelope("v1", "Namespace", ByteString.copyFrom(cut));

        ApiException e = failure(body, NAMESPACES);

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo(PREFIX + "unexpected EOF");
    }

    @Test
    void anotherKindThanTheEndpointsIsABadRequest() {
        byte[] service = ProtobufTrees.resource("create-service-clusterip-web.pb");

        ApiException e = failure(service, NAMESPACES);

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo(PREFIX
                + "the kind in the data (Service) does not match the expected kind (Namespace)");
    }

    @Test
    void anotherVersionThanTheEndpointsIsABadRequest() {
        byte[] deployment = ProtobufTrees.resource("create-deployment-web.pb");

        ApiException e = failure(deployment, ProtobufTrees.type("apps/v1beta2", "Deployment"));

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage())
                .isEqualTo("the API version in the data (apps/v1) does not match the expected API version (apps/v1beta2)");
    }

    @Test
    void anEmptyTypeMetaMeansTheEndpointsKind() {
        byte[] raw = V1.Namespace.newBuilder().setMetadata(ProtobufMessages.meta("demo", "")).build().toByteArray();
        byte[] body = ProtobufMessages.envelope("", "", ByteString.copyFrom(raw));

        assertThat(bodies.decode(body, NAMESPACES).toString())
                .isEqualTo("{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"demo\"}}");
    }

    @Test
    void deeplyNestedEnvelopesAreABadRequest() {
        byte[] body = ProtobufMessages.envelope("v1", "ConfigMap", V1.ConfigMap.getDefaultInstance());
        for (int i = 0; i < 12; i++) {
            body = ProtobufMessages.envelope("apps/v1", "ControllerRevision", V1Apps.ControllerRevision.newBuilder()
                    .setData(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFrom(body))).build());
        }
        ResourceType revisions = ProtobufTrees.type("apps/v1", "ControllerRevision");

        ApiException e = failure(body, revisions);

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).endsWith(": embedded objects are nested too deeply");
    }

    @Test
    void customResourcesHaveNoProtobufForm() {
        byte[] raw = V1.Namespace.newBuilder().setMetadata(ProtobufMessages.meta("w", "")).build().toByteArray();
        byte[] body = ProtobufMessages.envelope("example.com/v1", "Widget", ByteString.copyFrom(raw));

        ApiException e = failure(body, ProtobufTrees.type("example.com/v1", "Widget"));

        assertThat(e.code()).isEqualTo(415);
    }

    private ApiException failure(byte[] body, ResourceType type) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> bodies.decode(body, type));
        assertThat(e).as("an ApiException").isNotNull();
        return e;
    }
}
