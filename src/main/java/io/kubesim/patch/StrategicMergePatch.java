package io.kubesim.patch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * Kubernetes strategic merge patch ({@code application/strategic-merge-patch+json}), following
 * {@code k8s.io/apimachinery/pkg/util/strategicpatch} ({@code StrategicMergeMapPatch}, v1.32 and later) as the
 * apiserver runs it.
 *
 * <p>Semantics: maps merge recursively, scalars replace, {@code null} deletes a key; lists follow the
 * {@link PatchSchema}: atomic lists are replaced, merged primitive lists become an ordered union, lists merged by key
 * match elements by that key, merge them recursively and add new ones. Directives: {@code $patch: replace} (a map is
 * replaced by the patch map; inside a list, the whole list by the other patch elements), {@code $patch: delete} (a map
 * becomes {@code {}}; a list element is removed by merge key), {@code $retainKeys} (original keys not listed are
 * dropped; patch keys must be listed), {@code $setElementOrder/<list>} and {@code $deleteFromPrimitiveList/<list>}
 * (always deletes, whatever the strategy). {@code $patch: merge} is rejected exactly as upstream does (500).
 *
 * <p>Order, as upstream: without {@code $setElementOrder}, patch items keep the patch's relative order and server-only
 * items theirs, and a patch item the original did not have is emitted before the remaining server-only items (so an
 * element added by a bare patch comes <em>first</em>, as in the {@code kubectl patch} documentation). With
 * {@code $setElementOrder}, the listed items come in the listed order, server-only items are slotted in by their old
 * position. Map keys keep the original's order; new keys follow in patch order (Go maps have none).
 *
 * <p>Deviations, all in cases kubectl never produces: directive keys left in newly added content (which upstream
 * copies raw and the typed decode then discards) are stripped from the result; fields unknown to the schema are
 * atomic instead of an "unable to find api field" error; {@code $setElementOrder} on a list that is empty on both
 * sides leaves it empty instead of failing with {@code no elements in any of the given slices}; keys are processed in
 * patch order where Go iterates randomly. Explicit {@code null}s inside content copied raw ({@code $patch: replace}
 * maps, atomic lists, appended elements) stay in the result, as in upstream's map; its typed decode then turns them
 * into absent fields, which is the registry's normalization to do. Unknown fields are not reported
 * ({@code fieldValidation=Strict}/{@code Warn} would report them after the merge).
 */
public final class StrategicMergePatch {

    private StrategicMergePatch() {
    }

    /**
     * Applies {@code patch} to {@code original}. Neither argument is modified.
     *
     * @param original the current object, a JSON object
     * @param patch    the request body; JSON {@code null} is a no-op, anything but an object a bad request
     * @param schema   the list strategies of the object's kind
     * @return the patched object, a new tree
     * @throws PatchException with the category and message the apiserver would answer with
     */
    public static JsonNode apply(JsonNode original, JsonNode patch, PatchSchema schema) throws PatchException {
        Objects.requireNonNull(schema, "schema");
        if (original == null || !original.isObject()) {
            throw new IllegalArgumentException("the original must be a JSON object");
        }
        if (patch == null || patch.isNull() || patch.isMissingNode()) {
            return original.deepCopy();
        }
        if (!patch.isObject()) {
            throw PatchException.badRequest("json: cannot unmarshal " + GoValues.jsonKind(patch)
                    + " into Go value of type map[string]interface {}");
        }
        ObjectNode result = new SmpMerger(schema).mergeMap((ObjectNode) original.deepCopy(), (ObjectNode) patch,
                List.of());
        Directives.strip(result);
        return result;
    }
}
