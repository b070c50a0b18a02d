package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * apiserver's {@code IgnoreManagedFieldsTimestampsTransformer}: when a write changed nothing but managedFields
 * times, the old managedFields are kept so that the object is unchanged (no spurious resourceVersion bump).
 */
final class Timestamps {

    private Timestamps() {
    }

    /** {@code updated}, with {@code old}'s managedFields put back when only their times differ. Mutates it. */
    static ObjectNode keepIfUnchanged(JsonNode old, ObjectNode updated) {
        if (old == null) {
            return updated;
        }
        JsonNode oldMf = ManagedFieldsCodec.of(old);
        JsonNode newMf = ManagedFieldsCodec.of(updated);
        if (!sameIgnoringTimes(oldMf, newMf) || !Values.equal(without(old), without(updated))) {
            return updated;
        }
        ObjectNode metadata = (ObjectNode) updated.get("metadata");
        if (oldMf == null) {
            metadata.remove("managedFields");
        } else {
            metadata.set("managedFields", oldMf.deepCopy());
        }
        return updated;
    }

    private static boolean sameIgnoringTimes(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (!a.isArray() || !b.isArray() || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Values.equal(withoutTime(a.get(i)), withoutTime(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode withoutTime(JsonNode entry) {
        if (!(entry instanceof ObjectNode o)) {
            return entry;
        }
        ObjectNode copy = o.deepCopy();
        copy.remove("time");
        return copy;
    }

    private static JsonNode without(JsonNode object) {
        ObjectNode copy = (ObjectNode) object.deepCopy();
        if (copy.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
        return copy;
    }
}
