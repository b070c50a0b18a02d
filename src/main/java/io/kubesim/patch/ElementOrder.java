package io.kubesim.patch;

import io.kubesim.patch.GoValues.Kind;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The list bookkeeping of apimachinery's strategic merge patch: element types, partitions, and the order rules of
 * {@code normalizeElementOrder} (patch items in patch order, server-only items in server order, interleaved by
 * {@code mergeSortedSlice}, which lets a patch item the server never had come out first).
 */
final class ElementOrder {

    /** Items of a merged list that the partitioning list names, and the others. */
    record Partition(List<JsonNode> patch, List<JsonNode> serverOnly) {
    }

    private ElementOrder() {
    }

    /** {@code sliceElementType}: the one Go type of all elements, or null when both lists are empty. */
    static Kind elementKind(List<JsonNode> original, List<JsonNode> patch) throws PatchException {
        Kind previous = null;
        for (List<JsonNode> list : List.of(original, patch)) {
            for (JsonNode item : list) {
                Kind current = GoValues.kind(item);
                if (previous == null) {
                    if (current == Kind.NULL) {
                        throw SmpErrors.panic("runtime error: invalid memory address or nil pointer dereference");
                    }
                    previous = current;
                    if (current == Kind.LIST) {
                        throw SmpErrors.listOfLists();
                    }
                } else if (previous != current) {
                    throw SmpErrors.elementTypesDiffer(original, patch);
                }
            }
        }
        return previous;
    }

    /** {@code normalizeElementOrder}. */
    static List<JsonNode> normalize(List<JsonNode> patchItems, List<JsonNode> serverOnly, List<JsonNode> patchOrder,
                                    List<JsonNode> serverOrder, String mergeKey, Kind kind) throws PatchException {
        List<JsonNode> patch = sortBy(patchItems, patchOrder, mergeKey, kind);
        List<JsonNode> server = sortBy(serverOnly, serverOrder, mergeKey, kind);
        return mergeSorted(server, patch, serverOrder, mergeKey, kind);
    }

    /** {@code normalizeSliceOrder}: stable sort by position in {@code order}, {@code $patch: delete} items last. */
    private static List<JsonNode> sortBy(List<JsonNode> toSort, List<JsonNode> order, String mergeKey, Kind kind)
            throws PatchException {
        List<JsonNode> keep = new ArrayList<>();
        List<JsonNode> deleted = new ArrayList<>();
        if (kind == Kind.MAP) {
            requireMergeKey(mergeKey, toSort);
            requireMergeKey(mergeKey, order);
            for (JsonNode item : toSort) {
                (Directives.isDirective(item, Directives.DELETE) ? deleted : keep).add(item);
            }
        } else {
            keep.addAll(toSort);
        }
        keep.sort(Comparator.comparingInt(item -> {
            int i = index(order, item, mergeKey, kind);
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        keep.addAll(deleted);
        return keep;
    }

    /** {@code mergeSortedSlice}: a left item goes first only when both are in {@code serverOrder} and it is earlier. */
    private static List<JsonNode> mergeSorted(List<JsonNode> left, List<JsonNode> right, List<JsonNode> serverOrder,
                                              String mergeKey, Kind kind) {
        List<JsonNode> out = new ArrayList<>(left.size() + right.size());
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            if (i >= left.size()) {
                out.add(right.get(j++));
            } else if (j >= right.size()) {
                out.add(left.get(i++));
            } else {
                int li = index(serverOrder, left.get(i), mergeKey, kind);
                int ri = index(serverOrder, right.get(j), mergeKey, kind);
                out.add(li >= 0 && ri >= 0 && li < ri ? left.get(i++) : right.get(j++));
            }
        }
        return out;
    }

    /** {@code index}: position of the item (maps: of its merge key value) in {@code list}, or -1. */
    private static int index(List<JsonNode> list, JsonNode item, String mergeKey, Kind kind) {
        JsonNode wanted = kind == Kind.MAP ? valueOf(item, mergeKey) : item;
        for (int i = 0; i < list.size(); i++) {
            JsonNode candidate = kind == Kind.MAP ? valueOf(list.get(i), mergeKey) : list.get(i);
            if (GoValues.same(wanted, candidate)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode valueOf(JsonNode item, String mergeKey) {
        return item.isObject() ? item.get(mergeKey) : null;
    }

    /** {@code validateMergeKeyInLists}. */
    static void requireMergeKey(String mergeKey, List<JsonNode> items) throws PatchException {
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw SmpErrors.badArgTypeMap(item);
            }
            if (!item.has(mergeKey)) {
                throw SmpErrors.noMergeKey(item, mergeKey);
            }
        }
    }

    /** {@code partitionPrimitivesByPresentInList}; Go panics when it has to hash a map or a list. */
    static Partition partitionPrimitives(List<JsonNode> merged, List<JsonNode> by) throws PatchException {
        Set<GoValues.Key> present = new HashSet<>();
        for (JsonNode item : by) {
            present.add(hashable(item));
        }
        List<JsonNode> patch = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        for (JsonNode item : merged) {
            (present.contains(hashable(item)) ? patch : serverOnly).add(item);
        }
        return new Partition(patch, serverOnly);
    }

    private static GoValues.Key hashable(JsonNode item) throws PatchException {
        if (item.isContainer()) {
            throw SmpErrors.unhashable(GoValues.typeName(item));
        }
        return GoValues.key(item);
    }

    /** {@code partitionMapsByPresentInList}. */
    static Partition partitionMaps(List<JsonNode> merged, List<JsonNode> by, String mergeKey) throws PatchException {
        List<JsonNode> patch = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        for (JsonNode item : merged) {
            if (!item.isObject()) {
                throw SmpErrors.badArgTypeMap(item);
            }
            if (!item.has(mergeKey)) {
                throw SmpErrors.noMergeKey(item, mergeKey);
            }
            (findByKey(by, mergeKey, item.get(mergeKey)) >= 0 ? patch : serverOnly).add(item);
        }
        return new Partition(patch, serverOnly);
    }

    /** {@code findMapInSliceBasedOnKeyValue}: index of the map whose {@code key} equals {@code value}, or -1. */
    static int findByKey(List<JsonNode> list, String key, JsonNode value) throws PatchException {
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                throw SmpErrors.notAMap(i);
            }
            JsonNode candidate = item.get(key);
            if (candidate != null && GoValues.same(candidate, value)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code deduplicateScalars}, including its habit of moving the last element into a duplicate's slot. */
    static List<JsonNode> dedupe(List<JsonNode> items) {
        List<JsonNode> s = new ArrayList<>(items);
        int length = s.size() - 1;
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j <= length; j++) {
                if (GoValues.same(s.get(i), s.get(j))) {
                    s.set(j, s.get(length));
                    s.remove(length);
                    length--;
                    j--;
                }
            }
        }
        return s;
    }

    /** {@code deleteFromSlice}: the items of {@code current} not in {@code toDelete}. */
    static List<JsonNode> deleteFrom(List<JsonNode> current, List<JsonNode> toDelete) {
        Set<GoValues.Key> doomed = new HashSet<>();
        toDelete.forEach(item -> doomed.add(GoValues.key(item)));
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode item : current) {
            if (!doomed.contains(GoValues.key(item))) {
                kept.add(item);
            }
        }
        return kept;
    }
}
