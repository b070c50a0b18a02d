package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;

/**
 * apiserver's {@code IgnoreManagedFieldsTimestampsTransformer}: when a write changed nothing but managedFields
 * times, the old managedFields are kept so that the object is unchanged (no spurious resourceVersion bump).
 */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * The managedFields to store for {@code updated} (the written object; its own managedFields are ignored) when
     * the write computed {@code managedFields}: {@code old}'s when only their times differ and nothing else changed.
     */
    static JsonNode keepIfUnchanged(JsonNode old, JsonNode updated, JsonNode managedFields) {
        if (old == null) {
            return managedFields;
        }
        JsonNode oldMf = ManagedFieldsCodec.of(old);
        return sameIgnoringTimes(oldMf, managedFields) && sameIgnoringManagedFields(old, updated) ? oldMf
                : managedFields;
    }

    private static boolean sameIgnoringTimes(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (!a.isArray() || !b.isArray() || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Values.equalExcept(a.get(i), b.get(i), "time")) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameIgnoringManagedFields(JsonNode a, JsonNode b) {
        return Values.equalExcept(a, b, "metadata")
                && Values.equalExcept(a.get("metadata"), b.get("metadata"), "managedFields");
    }
}
