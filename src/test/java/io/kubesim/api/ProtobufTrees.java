package io.kubesim.api;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.registry.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: fixtures, endpoint types, and the normalization both sides of a comparison go through. */
final class ProtobufTrees {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ProtobufTrees() {
    }

    static byte[] resource(String name) {
        try (InputStream in = ProtobufTrees.class.getResourceAsStream("/protobuf/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint type for {@code apiVersion}/{@code kind} (only the identity matters to the decoder). */
    static ResourceType type(String apiVersion, String kind) {
        return type(apiVersion, kind, GenericKubernetesResource.class);
    }

    static ResourceType type(String apiVersion, String kind, Class<? extends HasMetadata> javaType) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return ResourceType.of(group, apiVersion.substring(slash + 1), kind, kind.toLowerCase() + "s", javaType)
                .build();
    }

    /** The tree as text read back: numbers compare by value (a decoded int64 is a LongNode, parsed text an IntNode). */
    static JsonNode reparsed(JsonNode tree) {
        return MAPPER.readTree(MAPPER.writeValueAsString(tree));
    }

    static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    /**
     * What both sides of a comparison go through: {@code status} removed (the server resets it on create),
     * {@code null} members removed (Go writes {@code creationTimestamp: null}; fabric8 drops it), and a text
     * round trip so that numbers compare by value whatever their node class.
     */
    static JsonNode normalize(JsonNode tree) {
        JsonNode copy = withoutNulls(tree);
        if (copy instanceof ObjectNode o) {
            o.remove("status");
        }
        return copy;
    }

    /** The tree reparsed, without {@code null} members. */
    static JsonNode withoutNulls(JsonNode tree) {
        JsonNode copy = reparsed(tree);
        dropNulls(copy);
        return copy;
    }

    private static void dropNulls(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> nulls = new ArrayList<>();
            o.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    dropNulls(e.getValue());
                }
            });
            o.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(ProtobufTrees::dropNulls);
        }
    }
}
