package io.kubesim.api.openapi;

import io.kubesim.patch.ListStrategy;
import io.kubesim.patch.PatchSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Writes the strategic-merge-patch metadata that the server itself uses ({@link io.kubesim.patch.KubernetesPatchSchemas})
 * onto the schemas, so that kubectl, which computes {@code apply} patches from the OpenAPI v3 schema when the PATCH
 * operation accepts {@code application/strategic-merge-patch+json}, merges lists exactly as the server does:
 * {@code x-kubernetes-patch-strategy} ({@code merge}, {@code retainKeys}, {@code merge,retainKeys}) and
 * {@code x-kubernetes-patch-merge-key} on the list or struct property, plus the {@code x-kubernetes-list-type} they
 * imply ({@code map} keyed by the merge key — or by the upstream key tuple in {@link #LIST_MAP_KEYS} — for lists
 * merged by key, {@code set} for merged scalar lists). Lists without a patch strategy are left without a list type
 * (the client models do not carry upstream's {@code +listType} tags).
 */
final class PatchExtensions {

    /** Upstream list-map keys wider than the merge key, by {@code definition.property}. */
    static final Map<String, List<String>> LIST_MAP_KEYS = Map.of(
            "io.k8s.api.core.v1.Container.ports", List.of("containerPort", "protocol"),
            "io.k8s.api.core.v1.EphemeralContainer.ports", List.of("containerPort", "protocol"),
            "io.k8s.api.core.v1.ServiceSpec.ports", List.of("port", "protocol"),
            "io.k8s.api.core.v1.PodSpec.topologySpreadConstraints", List.of("topologyKey", "whenUnsatisfiable"));

    private static final int MAX_DEPTH = 24;

    private final Map<String, ObjectNode> schemas;

    PatchExtensions(Map<String, ObjectNode> schemas) {
        this.schemas = schemas;
    }

    /** Annotates the schemas reachable from {@code rootDefinition} with the strategies of {@code patch}. */
    void apply(String rootDefinition, PatchSchema patch) {
        walk(rootDefinition, new ArrayList<>(), patch, new ArrayDeque<>());
    }

    private void walk(String definition, List<String> path, PatchSchema patch, Deque<String> stack) {
        ObjectNode schema = schemas.get(definition);
        if (schema == null || stack.contains(definition) || path.size() > MAX_DEPTH || !schema.has("properties")) {
            return;
        }
        stack.push(definition);
        for (var e : schema.get("properties").properties()) {
            List<String> child = new ArrayList<>(path);
            child.add(e.getKey());
            ObjectNode property = (ObjectNode) e.getValue();
            annotate(definition + "." + e.getKey(), property, child, patch);
            String next = target(property);
            if (next != null) {
                walk(next, child, patch, stack);
            }
        }
        stack.pop();
    }

    private static void annotate(String where, ObjectNode property, List<String> path, PatchSchema patch) {
        boolean list = "array".equals(text(property.get("type")));
        ListStrategy strategy = list ? patch.strategyFor(path) : ListStrategy.ATOMIC;
        boolean retainKeys = patch.retainKeys(path);
        if (!strategy.merges() && !retainKeys) {
            return;
        }
        String value = strategy.merges() ? (retainKeys ? "merge,retainKeys" : "merge") : "retainKeys";
        if (strategy.merges()) {
            String key = strategy.mergeKey();
            if (!key.isEmpty()) {
                property.put(Extensions.PATCH_MERGE_KEY, key);
            }
            property.put(Extensions.PATCH_STRATEGY, value);
            property.put(Extensions.LIST_TYPE, key.isEmpty() ? "set" : "map");
            if (!key.isEmpty()) {
                ArrayNode keys = property.putArray(Extensions.LIST_MAP_KEYS);
                LIST_MAP_KEYS.getOrDefault(where, List.of(key)).forEach(keys::add);
            }
        } else {
            property.put(Extensions.PATCH_STRATEGY, value);
        }
    }

    /** The definition a property leads to: its own reference, or its array items' reference. */
    static String target(JsonNode property) {
        JsonNode items = property.get("items");
        JsonNode node = items != null ? items : property;
        JsonNode allOf = node.get("allOf");
        if (allOf != null && allOf.size() > 0) {
            node = allOf.get(0);
        }
        String ref = text(node.get("$ref"));
        return ref == null ? null : ref.substring(ModelSchemas.REF.length());
    }

    private static String text(JsonNode n) {
        return n == null || !n.isString() ? null : n.stringValue();
    }
}
