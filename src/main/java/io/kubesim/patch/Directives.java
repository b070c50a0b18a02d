package io.kubesim.patch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The strategic merge patch directive keys and the two ways of getting rid of them. */
final class Directives {

    static final String PATCH = "$patch";
    static final String DELETE = "delete";
    static final String REPLACE = "replace";
    static final String MERGE = "merge";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
    static final String SET_ELEMENT_ORDER = "$setElementOrder";

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Directives() {
    }

    /**
     * The field name behind a parallel-list key ({@code $setElementOrder/containers} → {@code containers}), as
     * apimachinery's {@code extractKey}; a key without the {@code /} or with another prefix is a bad request.
     */
    static String extractKey(String key, String prefix) throws PatchException {
        int slash = key.indexOf('/');
        if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
            throw DELETE_FROM_PRIMITIVE_LIST.equals(prefix)
                    ? SmpErrors.badPrimitiveList() : SmpErrors.badSetElementOrder();
        }
        return key.substring(slash + 1);
    }

    static boolean hasDirectiveMarker(JsonNode n) {
        return n != null && n.isObject() && n.has(PATCH);
    }

    /** True when {@code n} is a map whose {@code $patch} is {@code value} (Go {@code ==} on a string). */
    static boolean isDirective(JsonNode n, String value) {
        JsonNode d = n != null && n.isObject() ? n.get(PATCH) : null;
        return d != null && d.isString() && value.equals(d.stringValue());
    }

    /**
     * apimachinery's {@code removeDirectives}, applied when a patch value lands where the original has nothing (or a
     * value of another type): a map carrying {@code $patch} is dropped whole, recursively, also from lists. With
     * {@code dropNulls} it first does {@code discardNullValuesFromPatch}: {@code null} members of maps go (list items
     * stay). Returns a fresh copy; empty when the value itself must not be kept.
     */
    static Optional<JsonNode> removeDirectives(JsonNode n, boolean dropNulls) {
        if (n.isObject()) {
            if (n.has(PATCH)) {
                return Optional.empty();
            }
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (!(dropNulls && e.getValue().isNull())) {
                    removeDirectives(e.getValue(), dropNulls).ifPresent(v -> copy.set(e.getKey(), v));
                }
            }
            return Optional.of(copy);
        }
        if (n.isArray()) {
            return Optional.of(removeDirectives(n.values(), dropNulls));
        }
        return Optional.of(n.deepCopy());
    }

    static ArrayNode removeDirectives(Iterable<JsonNode> items, boolean dropNulls) {
        ArrayNode copy = NODES.arrayNode();
        for (JsonNode item : items) {
            removeDirectives(item, dropNulls).ifPresent(copy::add);
        }
        return copy;
    }

    /**
     * Removes leftover directive keys in place, recursively. apimachinery leaves them in the merged map (new list
     * elements, {@code $patch: replace} contents, atomic lists are copied raw) and the typed decode that follows
     * drops them as unknown fields; this does the same for a JSON-tree store.
     */
    static void strip(JsonNode n) {
        if (n instanceof ObjectNode object) {
            List<String> doomed = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (isDirectiveKey(e.getKey())) {
                    doomed.add(e.getKey());
                } else {
                    strip(e.getValue());
                }
            }
            object.remove(doomed);
        } else if (n instanceof ArrayNode array) {
            array.values().forEach(Directives::strip);
        }
    }

    static boolean isDirectiveKey(String key) {
        return key.equals(PATCH) || key.equals(RETAIN_KEYS)
                || key.startsWith(SET_ELEMENT_ORDER) || key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
    }
}
