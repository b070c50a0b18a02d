package io.kubesim.patch;

import io.kubesim.patch.GoValues.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * apimachinery's {@code mergeMap} with {@code MergeParallelList} and {@code IgnoreUnmatchedNulls} set, as the
 * apiserver calls it. It mutates the original tree it is given (a private copy) and only reads the patch; every patch
 * value it keeps is copied. Keys are processed in patch order where Go's map order is random.
 */
final class SmpMerger {

    private final PatchSchema schema;
    private final SmpListMerger lists;
    private final SetElementOrder order;

    SmpMerger(PatchSchema schema) {
        this.schema = schema;
        this.lists = new SmpListMerger(this);
        this.order = new SetElementOrder(this);
    }

    PatchSchema schema() {
        return schema;
    }

    SmpListMerger lists() {
        return lists;
    }

    /** Merges {@code patch} into {@code original} (owned, may be null) and returns the result. */
    ObjectNode mergeMap(ObjectNode original, ObjectNode patch, List<String> path) throws PatchException {
        JsonNode directive = patch.get(Directives.PATCH);
        if (directive != null) {
            return directiveInMap(directive, patch);
        }
        ObjectNode target = original == null ? Directives.NODES.objectNode() : original;
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        patch.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        applyRetainKeys(target, fields);
        order.apply(target, fields, path);
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            mergeField(target, field.getKey(), field.getValue(), path);
        }
        return target;
    }

    /** {@code handleDirectiveInMergeMap}: replace keeps the patch map, delete leaves an empty map. */
    private static ObjectNode directiveInMap(JsonNode directive, ObjectNode patch) throws PatchException {
        if (directive.isString() && Directives.REPLACE.equals(directive.stringValue())) {
            ObjectNode copy = patch.deepCopy();
            copy.remove(Directives.PATCH);
            return copy;
        }
        if (directive.isString() && Directives.DELETE.equals(directive.stringValue())) {
            return Directives.NODES.objectNode();
        }
        throw SmpErrors.unknownPatchType(directive, patch);
    }

    /** {@code applyRetainKeysDirective}: drop original keys not listed, after checking the patch stays inside. */
    private static void applyRetainKeys(ObjectNode target, Map<String, JsonNode> fields) throws PatchException {
        JsonNode retain = fields.remove(Directives.RETAIN_KEYS);
        if (retain == null) {
            return;
        }
        if (!retain.isArray()) {
            throw SmpErrors.badRetainKeys();
        }
        Set<GoValues.Key> kept = new HashSet<>();
        retain.values().forEach(v -> kept.add(GoValues.key(v)));
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            String k = field.getKey();
            if (field.getValue().isNull() || k.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)
                    || k.startsWith(Directives.SET_ELEMENT_ORDER)) {
                continue;
            }
            if (!kept.contains(stringKey(k))) {
                throw SmpErrors.badRetainKeys();
            }
        }
        List<String> doomed = new ArrayList<>();
        target.propertyNames().forEach(k -> {
            if (!kept.contains(stringKey(k))) {
                doomed.add(k);
            }
        });
        target.remove(doomed);
    }

    private static GoValues.Key stringKey(String k) {
        return new GoValues.Key(Kind.STRING, k);
    }

    /** One iteration of {@code mergeMap}'s loop. */
    private void mergeField(ObjectNode target, String key, JsonNode patchValue, List<String> path)
            throws PatchException {
        String k = key;
        boolean deleteList = false;
        if (k.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)) {
            k = Directives.extractKey(k, Directives.DELETE_FROM_PRIMITIVE_LIST);
            deleteList = true;
        }
        if (patchValue.isNull()) {
            target.remove(k);
            return;
        }
        JsonNode current = target.get(k);
        Kind kind = GoValues.kind(current);
        if (current == null || kind != GoValues.kind(patchValue)) {
            if (!deleteList) {
                replace(target, k, patchValue);
            }
            return;
        }
        List<String> child = child(path, k);
        switch (kind) {
            case MAP -> target.set(k, mergeMap((ObjectNode) current, (ObjectNode) patchValue, child));
            case LIST -> target.set(k, array(lists.mergeHandler(current, patchValue, child, deleteList)));
            default -> replace(target, k, patchValue);
        }
    }

    /**
     * Takes the patch value minus {@code $patch} maps and {@code null} members, or drops the key when the value itself
     * is a {@code $patch} map.
     */
    private static void replace(ObjectNode target, String k, JsonNode patchValue) {
        Optional<JsonNode> value = Directives.removeDirectives(patchValue, true);
        if (value.isPresent()) {
            target.set(k, value.get());
        } else {
            target.remove(k);
        }
    }

    static List<String> child(List<String> path, String name) {
        List<String> child = new ArrayList<>(path.size() + 1);
        child.addAll(path);
        child.add(name);
        return List.copyOf(child);
    }

    static ArrayNode array(List<JsonNode> items) {
        ArrayNode array = Directives.NODES.arrayNode(items.size());
        items.forEach(array::add);
        return array;
    }

    static List<JsonNode> items(JsonNode list) {
        return list == null ? List.of() : new ArrayList<>(list.values());
    }
}
