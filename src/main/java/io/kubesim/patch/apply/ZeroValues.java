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

    /**
     * {@code object} normalized, the zero value of the kind when {@code object} is null. Nothing is mutated: a node
     * that needs no change is returned as it is and shared; only the objects and lists on the way to a change are
     * copied (a write compares two trees that already have nearly every zero field, so copying them whole was most
     * of the work).
     */
    static JsonNode normalize(JsonNode object, ApplySchema schema) {
        if (object == null) {
            return schema.zeroFields().isEmpty() ? null : normalized(Values.MAPPER.createObjectNode(), schema);
        }
        return normalized(object, schema);
    }

    private static JsonNode normalized(JsonNode value, ApplySchema schema) {
        ApplySchema s = schema.resolve(value);
        if (s.type() == ApplySchema.Type.GRANULAR && value instanceof ObjectNode object) {
            ObjectNode out = null;
            for (Map.Entry<String, JsonNode> zero : s.zeroFields().entrySet()) {
                if (object.get(zero.getKey()) == null) {
                    out = out != null ? out : copy(object);
                    out.set(zero.getKey(), zero.getValue().deepCopy());
                }
            }
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (e.getValue().isObject() && e.getValue().isEmpty() && s.field(e.getKey()).isMap()) {
                    out = out != null ? out : copy(object);
                    out.remove(e.getKey());
                }
            }
            for (Map.Entry<String, JsonNode> e : (out != null ? out : object).properties()) {
                JsonNode child = normalized(e.getValue(), s.field(e.getKey()));
                if (child != e.getValue()) {
                    out = out != null ? out : copy(object);
                    out.set(e.getKey(), child);
                }
            }
            return out != null ? out : object;
        } else if (s.type() == ApplySchema.Type.ASSOCIATIVE && value instanceof ArrayNode array) {
            ArrayNode out = null;
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = normalized(array.get(i), s.elements());
                if (child != array.get(i)) {
                    if (out == null) {
                        out = Values.MAPPER.createArrayNode();
                        out.addAll(array);
                    }
                    out.set(i, child);
                }
            }
            return out != null ? out : array;
        }
        return value;
    }

    /** A shallow copy: the same children, in the same order. */
    private static ObjectNode copy(ObjectNode object) {
        ObjectNode c = Values.MAPPER.createObjectNode();
        object.properties().forEach(e -> c.set(e.getKey(), e.getValue()));
        return c;
    }
}
