package io.kubesim.patch;

import io.kubesim.patch.ElementOrder.Partition;
import io.kubesim.patch.GoValues.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * apimachinery's {@code mergePatchIntoOriginal}: every {@code $setElementOrder/<field>} is merged together with its
 * list {@code <field>} before the other keys, then the list is put in the directive's order (directive order first,
 * then the server-only items by their old place). Both keys leave the patch map afterwards.
 */
final class SetElementOrder {

    private final SmpMerger maps;

    SetElementOrder(SmpMerger maps) {
        this.maps = maps;
    }

    void apply(ObjectNode original, Map<String, JsonNode> fields, List<String> path) throws PatchException {
        for (String key : List.copyOf(fields.keySet())) {
            if (key.startsWith(Directives.SET_ELEMENT_ORDER)) {
                JsonNode order = fields.remove(key);
                if (!order.isArray()) {
                    throw SmpErrors.badArgTypeList(order);
                }
                String field = Directives.extractKey(key, Directives.SET_ELEMENT_ORDER);
                if (applyOne(original, fields, field, SmpMerger.items(order), path)) {
                    fields.remove(field);
                }
            }
        }
    }

    /** Merges and orders one list; false when neither side has it. */
    private boolean applyOne(ObjectNode original, Map<String, JsonNode> fields, String field, List<JsonNode> order,
                             List<String> path) throws PatchException {
        JsonNode originalList = original.get(field);
        JsonNode patchList = fields.get(field);
        if (originalList != null && !originalList.isArray()) {
            throw SmpErrors.badArgTypeList(originalList);
        }
        if (patchList != null && !patchList.isArray()) {
            throw SmpErrors.badArgTypeList(patchList);
        }
        List<String> child = SmpMerger.child(path, field);
        String mergeKey = maps.schema().strategyFor(child).mergeKey();
        List<JsonNode> originalItems = SmpMerger.items(originalList);
        List<JsonNode> patchItems = SmpMerger.items(patchList);
        validate(patchItems, order, mergeKey);
        List<JsonNode> merged;
        if (originalList == null && patchList == null) {
            return false;
        } else if (patchList == null) {
            merged = originalItems;
        } else if (originalList == null) {
            merged = SmpMerger.items(Directives.removeDirectives(patchItems, false));
        } else {
            merged = maps.lists().mergeHandler(originalList, patchList, child, false);
        }
        Partition partition = mergeKey.isEmpty()
                ? ElementOrder.partitionPrimitives(merged, order)
                : ElementOrder.partitionMaps(merged, order, mergeKey);
        Kind kind = ElementOrder.elementKind(originalItems, patchItems);
        List<JsonNode> ordered = kind == null ? merged : ElementOrder.normalize(
                partition.patch(), partition.serverOnly(), order, originalItems, mergeKey, kind);
        original.set(field, SmpMerger.array(ordered));
        return true;
    }

    /**
     * {@code validatePatchWithSetOrderList}: the patch items, {@code $patch: delete} ones aside, must appear in the
     * directive in the same relative order.
     */
    private static void validate(List<JsonNode> patchItems, List<JsonNode> order, String mergeKey)
            throws PatchException {
        if (order.isEmpty() || patchItems.isEmpty()) {
            return;
        }
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode item : patchItems) {
            if (!mergeKey.isEmpty() && !item.isObject()) {
                throw SmpErrors.badArgTypeMap(item);
            }
            if (mergeKey.isEmpty() || !Directives.isDirective(item, Directives.DELETE)) {
                kept.add(item);
            }
        }
        int p = 0;
        int s = 0;
        while (p < kept.size() && s < order.size()) {
            if (Directives.hasDirectiveMarker(kept.get(p))) {
                p++;
                continue;
            }
            if (mergeKeyEqual(kept.get(p), order.get(s), mergeKey)) {
                p++;
            }
            s++;
        }
        if (p < kept.size() && s >= order.size()) {
            throw SmpErrors.orderMismatch(patchItems, SmpMerger.array(order));
        }
    }

    /** {@code mergeKeyValueEqual}. */
    private static boolean mergeKeyEqual(JsonNode left, JsonNode right, String mergeKey) throws PatchException {
        if (mergeKey.isEmpty()) {
            return GoValues.same(left, right);
        }
        for (JsonNode side : List.of(left, right)) {
            if (!side.isObject()) {
                throw SmpErrors.badArgTypeMap(side);
            }
            if (!side.has(mergeKey)) {
                throw SmpErrors.noMergeKey(side, mergeKey);
            }
        }
        return GoValues.same(left.get(mergeKey), right.get(mergeKey));
    }
}
