package io.kubesim.api.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts the protobuf bytes of a Kubernetes object into the JSON tree that Go's {@code encoding/json} writes
 * for the same object (what kubectl sends as JSON), generically, by descriptor. Thread-safe and immutable.
 */
public final class ProtoJson {

    /** Envelopes inside RawExtensions inside envelopes: a bound, so that a crafted body cannot exhaust the stack. */
    private static final int MAX_NESTED_ENVELOPES = 8;

    private final KubeDescriptors descriptors;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public ProtoJson(KubeDescriptors descriptors) {
        this.descriptors = descriptors;
    }

    /**
     * Parses {@code raw} as a message of type {@code d} and answers its JSON, {@code kind} and {@code apiVersion}
     * first (the protobuf object carries no type meta: it comes from the envelope).
     *
     * @throws ProtobufDecodeException when the bytes are not such a message
     */
    public ObjectNode decode(String apiVersion, String kind, Descriptor d, ByteString raw) {
        return decode(apiVersion, kind, d, raw, 0);
    }

    private ObjectNode decode(String apiVersion, String kind, Descriptor d, ByteString raw, int depth) {
        DynamicMessage message;
        try {
            message = DynamicMessage.parseFrom(d, raw);
        } catch (InvalidProtocolBufferException e) {
            throw decodeFailure(e);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", kind);
        out.put("apiVersion", apiVersion);
        out.setAll(new MessageWalker(bytes -> embedded(bytes, depth + 1)).object(message));
        return out;
    }

    /** The bytes of a RawExtension, FieldsV1 or apiextensions JSON: a nested envelope, else JSON text. */
    private JsonNode embedded(ByteString raw, int depth) {
        byte[] bytes = raw.toByteArray();
        if (KubeEnvelope.hasMagic(bytes)) {
            if (depth > MAX_NESTED_ENVELOPES) {
                throw new ProtobufDecodeException("embedded objects are nested too deeply");
            }
            KubeEnvelope nested = KubeEnvelope.parse(bytes);
            Descriptor d = descriptors.find(nested.apiVersion(), nested.kind())
                    .orElseThrow(() -> new ProtobufDecodeException("no kind \"" + nested.kind()
                            + "\" is registered for version \"" + nested.apiVersion() + "\""));
            return decode(nested.apiVersion(), nested.kind(), d, nested.raw(), depth);
        }
        try {
            return mapper.readTree(bytes);
        } catch (JacksonException e) {
            throw new ProtobufDecodeException("error decoding embedded JSON: " + e.getOriginalMessage());
        }
    }

    /** The apiserver's wording: Go's gogo-protobuf answers {@code unexpected EOF} for a cut message. */
    static ProtobufDecodeException decodeFailure(InvalidProtocolBufferException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("ended unexpectedly") || message.contains("truncated")) {
            return new ProtobufDecodeException("unexpected EOF");
        }
        return new ProtobufDecodeException("proto: " + message);
    }
}
