package io.kubesim.api;

import com.google.protobuf.Descriptors.Descriptor;
import io.kubesim.api.protobuf.KubeDescriptors;
import io.kubesim.api.protobuf.KubeEnvelope;
import io.kubesim.api.protobuf.ProtoJson;
import io.kubesim.api.protobuf.ProtobufDecodeException;
import io.kubesim.registry.ApiException;
import io.kubesim.registry.ResourceType;
import tools.jackson.databind.JsonNode;

/**
 * Decodes {@code application/vnd.kubernetes.protobuf} request bodies (what kubectl 1.32 and client-go typed
 * clients send) into the JSON tree that the same client would have sent as JSON, so that they go down the same
 * strict-decode path. Built-in kinds only: the descriptors come from client-java-proto.
 */
class ProtobufBodies {

    private static final String DELETE_OPTIONS = "DeleteOptions";
    private static final String NOT_PROTOBUF = "the body of the request was in an unknown format - accepted media "
            + "types include: application/json, application/yaml";

    private final KubeDescriptors descriptors;
    private final ProtoJson json;

    ProtobufBodies() {
        this(KubeDescriptors.builtIn());
    }

    ProtobufBodies(KubeDescriptors descriptors) {
        this.descriptors = descriptors;
        this.json = new ProtoJson(descriptors);
    }

    /**
     * The JSON tree of a create/update body for an endpoint of {@code type}.
     *
     * @throws ApiException 400 when the body is not a protobuf envelope, is cut, or holds another kind or version
     *                      (an empty type meta means the endpoint's); 415 when the kind has no protobuf form
     *                      (custom resources)
     */
    JsonNode decode(byte[] body, ResourceType type) {
        try {
            KubeEnvelope envelope = KubeEnvelope.parse(body);
            String apiVersion = envelope.apiVersion().isEmpty() ? type.apiVersion() : envelope.apiVersion();
            String kind = envelope.kind().isEmpty() ? type.kind() : envelope.kind();
            if (!apiVersion.equals(type.apiVersion())) {
                throw ApiException.badRequest("the API version in the data (" + apiVersion
                        + ") does not match the expected API version (" + type.apiVersion() + ")");
            }
            if (!kind.equals(type.kind())) {
                throw RequestBodies.decodeError(type, "the kind in the data (" + kind
                        + ") does not match the expected kind (" + type.kind() + ")");
            }
            Descriptor d = descriptors.find(apiVersion, kind)
                    .orElseThrow(() -> ApiException.unsupportedMediaType(NOT_PROTOBUF));
            return json.decode(apiVersion, kind, d, envelope.raw());
        } catch (ProtobufDecodeException e) {
            throw RequestBodies.decodeError(type, e.getMessage());
        }
    }

    /**
     * The JSON tree of a protobuf DeleteOptions body (typed clients send one with DELETE); any group version, as
     * DeleteOptions is registered in all of them.
     *
     * @throws ApiException 400 when the body is not a protobuf DeleteOptions
     */
    JsonNode deleteOptions(byte[] body) {
        try {
            KubeEnvelope envelope = KubeEnvelope.parse(body);
            String apiVersion = envelope.apiVersion().isEmpty() ? "v1" : envelope.apiVersion();
            String kind = envelope.kind().isEmpty() ? DELETE_OPTIONS : envelope.kind();
            if (!kind.equals(DELETE_OPTIONS)) {
                throw deleteOptionsError("the kind in the data (" + kind + ") does not match the expected kind ("
                        + DELETE_OPTIONS + ")");
            }
            Descriptor d = descriptors.find(apiVersion, kind).orElseThrow(() -> deleteOptionsError(
                    "no kind \"" + kind + "\" is registered for version \"" + apiVersion + "\""));
            return json.decode(apiVersion, kind, d, envelope.raw());
        } catch (ProtobufDecodeException e) {
            throw deleteOptionsError(e.getMessage());
        }
    }

    private static ApiException deleteOptionsError(String why) {
        return ApiException.badRequest("DeleteOptions in version \"v1\" cannot be handled as a DeleteOptions: " + why);
    }
}
