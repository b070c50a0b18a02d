package io.kubesim.patch;

import io.kubesim.patch.ElementOrder.Partition;
import io.kubesim.patch.GoValues.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** apimachinery's {@code mergeSliceHandler} and {@code mergeSlice}: list merging by strategy and merge key. */
final class SmpListMerger {

    /** The original after {@code $patch: delete}/{@code replace} elements took effect, and the remaining patch. */
    private record Special(List<JsonNode> original, List<JsonNode> patch) {
    }

    private final SmpMerger maps;

    SmpListMerger(SmpMerger maps) {
        this.maps = maps;
    }

    /**
     * Merges two lists by the strategy of {@code path}; atomic lists take the patch as is. A
     * {@code $deleteFromPrimitiveList} list always merges, whatever the strategy.
     */
    List<JsonNode> mergeHandler(JsonNode original, JsonNode patch, List<String> path, boolean deleteList)
            throws PatchException {
        ListStrategy strategy = maps.schema().strategyFor(path);
        if (strategy.merges() || deleteList) {
            return merge(SmpMerger.items(original), SmpMerger.items(patch), strategy, path, deleteList);
        }
        return copies(SmpMerger.items(patch));
    }

    private List<JsonNode> merge(List<JsonNode> original, List<JsonNode> patch, ListStrategy strategy,
                                 List<String> path, boolean deleteList) throws PatchException {
        String mergeKey = strategy.mergeKey();
        if (original.isEmpty() && patch.isEmpty()) {
            return original;
        }
        Kind kind = ElementOrder.elementKind(original, patch);
        List<JsonNode> merged;
        List<JsonNode> base = original;
        List<JsonNode> rest = patch;
        if (kind != Kind.MAP) {
            if (deleteList) {
                return ElementOrder.deleteFrom(original, patch);
            }
            List<JsonNode> both = new ArrayList<>(original);
            both.addAll(patch);
            merged = ElementOrder.dedupe(both);
        } else {
            if (mergeKey.isEmpty()) {
                throw SmpErrors.noMergeKeyDeclared(strategy);
            }
            Special special = withSpecialElements(original, patch, mergeKey);
            base = special.original();
            rest = special.patch();
            merged = withoutSpecialElements(base, rest, mergeKey, path);
        }
        Partition partition = mergeKey.isEmpty()
                ? ElementOrder.partitionPrimitives(merged, rest)
                : ElementOrder.partitionMaps(merged, rest, mergeKey);
        return ElementOrder.normalize(partition.patch(), partition.serverOnly(), rest, base, mergeKey, kind);
    }

    /** {@code mergeSliceWithSpecialElements}: applies element-level {@code $patch} directives. */
    private static Special withSpecialElements(List<JsonNode> original, List<JsonNode> patch, String mergeKey)
            throws PatchException {
        List<JsonNode> base = new ArrayList<>(original);
        List<JsonNode> rest = new ArrayList<>();
        boolean replace = false;
        for (JsonNode item : patch) {
            JsonNode directive = item.get(Directives.PATCH);
            if (directive == null) {
                rest.add(item);
            } else if (Directives.isDirective(item, Directives.DELETE)) {
                JsonNode value = item.get(mergeKey);
                if (value == null) {
                    throw SmpErrors.noMergeKey(item, mergeKey);
                }
                deleteMatching(base, mergeKey, value);
            } else if (Directives.isDirective(item, Directives.REPLACE)) {
                replace = true;
            } else if (Directives.isDirective(item, Directives.MERGE)) {
                throw SmpErrors.mergeDirectiveInList();
            } else {
                throw SmpErrors.unknownPatchType(directive, item);
            }
        }
        return replace ? new Special(copies(rest), List.of()) : new Special(base, rest);
    }

    private static void deleteMatching(List<JsonNode> list, String mergeKey, JsonNode value) throws PatchException {
        for (int i = ElementOrder.findByKey(list, mergeKey, value); i >= 0;
             i = ElementOrder.findByKey(list, mergeKey, value)) {
            list.remove(i);
        }
    }

    /** {@code mergeSliceWithoutSpecialElements}: merge matching elements, append the others. */
    private List<JsonNode> withoutSpecialElements(List<JsonNode> original, List<JsonNode> patch, String mergeKey,
                                                  List<String> path) throws PatchException {
        List<JsonNode> out = new ArrayList<>(original);
        for (JsonNode item : patch) {
            JsonNode value = item.get(mergeKey);
            if (value == null) {
                throw SmpErrors.noMergeKey(item, mergeKey);
            }
            int found = ElementOrder.findByKey(out, mergeKey, value);
            if (found >= 0) {
                out.set(found, maps.mergeMap((ObjectNode) out.get(found), (ObjectNode) item, path));
            } else {
                out.add(item.deepCopy());
            }
        }
        return out;
    }

    private static List<JsonNode> copies(List<JsonNode> items) {
        List<JsonNode> copies = new ArrayList<>(items.size());
        items.forEach(item -> copies.add(item.deepCopy()));
        return copies;
    }
}
