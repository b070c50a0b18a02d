package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Removes fields from an object (structured-merge-diff {@code TypedValue.RemoveItems}): a map entry, struct field or
 * list item that is a member of the set goes with everything below it; the walk descends only where the set has
 * members below. A map or list emptied by the removal disappears (upstream leaves a {@code null} that the typed
 * round trip drops). Atomic values are never entered. Inputs are never mutated.
 */
final class Remove {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Remove() {
    }

    /** {@code object} without the members of {@code toRemove}; an empty object when everything went. */
    static JsonNode items(JsonNode object, FieldSet toRemove, ApplySchema schema) {
        if (toRemove.isEmpty()) {
            return object;
        }
        JsonNode out = remove(object, toRemove, schema, FieldPath.ROOT);
        return out == null ? NODES.objectNode() : out;
    }

    private static JsonNode remove(JsonNode value, FieldSet toRemove, ApplySchema schema, FieldPath path) {
        ApplySchema s = schema.resolve(value);
        if (s.type() == ApplySchema.Type.GRANULAR && value.isObject()) {
            return object(value, toRemove, s, path);
        }
        if ((s.type() == ApplySchema.Type.ASSOCIATIVE || s.type() == ApplySchema.Type.SET) && value.isArray()) {
            return list(value, toRemove, s, path);
        }
        return value;
    }

    private static JsonNode object(JsonNode value, FieldSet toRemove, ApplySchema s, FieldPath path) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            PathElement pe = PathElement.field(e.getKey());
            if (toRemove.hasMember(pe)) {
                continue;
            }
            FieldSet below = toRemove.withPrefix(pe);
            JsonNode child = below.isEmpty() ? e.getValue()
                    : remove(e.getValue(), below, s.field(e.getKey()), path.append(pe));
            if (child != null) {
                out.set(e.getKey(), child);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static JsonNode list(JsonNode value, FieldSet toRemove, ApplySchema s, FieldPath path) {
        ListItems.Index index = ListItems.index(value, s, path);
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < value.size(); i++) {
            PathElement pe = index.perItem().get(i);
            if (toRemove.hasMember(pe)) {
                continue;
            }
            FieldSet below = toRemove.withPrefix(pe);
            JsonNode item = below.isEmpty() ? value.get(i) : remove(value.get(i), below, s.elements(), path.append(pe));
            if (item != null) {
                out.add(item);
            }
        }
        return out.isEmpty() ? null : out;
    }
}
