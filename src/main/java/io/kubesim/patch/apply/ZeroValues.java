package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Gives a JSON object the shape its typed Go struct has on the apiserver: composite fields that are never omitted
 * (non-pointer structs such as {@code metadata}, {@code status}, {@code spec.strategy}, a container's
 * {@code resources}; nil slices and pointers without {@code omitempty} such as {@code spec.containers}) are filled
 * in when absent, and empty maps (labels, annotations: {@code omitempty}) are dropped. Comparisons run on normalized
 * copies so that ownership of freshly created intermediate objects matches upstream
 * ({@code "f:labels":{".":{},...}} but no {@code "."} on {@code f:spec}).
 */
final class ZeroValues {

    private ZeroValues() {
    }

    /** A normalized deep copy of {@code object}; the zero value of the kind when {@code object} is null. */
    static JsonNode normalize(JsonNode object, ApplySchema schema) {
        JsonNode copy = object == null ? schema.zeroFields().isEmpty() ? null : Values.MAPPER.createObjectNode()
                : object.deepCopy();
        fill(copy, schema);
        return copy;
    }

    private static void fill(JsonNode value, ApplySchema schema) {
        if (value == null) {
            return;
        }
        ApplySchema s = schema.resolve(value);
        if (s.type() == ApplySchema.Type.GRANULAR && value instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> zero : s.zeroFields().entrySet()) {
                if (object.get(zero.getKey()) == null) {
                    object.set(zero.getKey(), zero.getValue().deepCopy());
                }
            }
            object.properties().removeIf(e -> e.getValue().isObject() && e.getValue().isEmpty()
                    && s.field(e.getKey()).isMap());
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                fill(e.getValue(), s.field(e.getKey()));
            }
        } else if (s.type() == ApplySchema.Type.ASSOCIATIVE && value instanceof ArrayNode array) {
            array.values().forEach(item -> fill(item, s.elements()));
        }
    }
}
