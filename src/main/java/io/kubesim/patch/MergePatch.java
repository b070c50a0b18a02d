package io.kubesim.patch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * JSON merge patch ({@code application/merge-patch+json}, RFC 7386): objects merge recursively, {@code null} removes
 * a member, everything else (arrays included) replaces. The apiserver uses {@code evanphx/json-patch} v4
 * {@code MergePatch}; it differs only in pruning {@code null}s inside objects nested in arrays in some cases, which the
 * typed decode that follows makes invisible.
 */
public final class MergePatch {

    private MergePatch() {
    }

    /**
     * RFC 7386 {@code MergePatch(target, patch)}, without modifying either.
     *
     * @param target the document; {@code null} means absent
     * @param patch  the merge patch
     * @return a new tree
     */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null) {
            return NullNode.getInstance();
        }
        return merge(target == null ? null : target.deepCopy(), patch);
    }

    /**
     * The apiserver's merge patch of an object: the body must be a JSON object. A {@code null} body is {@code 400
     * Invalid JSON Patch}; any other non-object body fails the strict decode with {@code 400 error decoding patch:
     * json: cannot unmarshal array into Go value of type map[string]interface {}}.
     */
    public static JsonNode applyToObject(JsonNode target, JsonNode patch) throws PatchException {
        if (patch == null || patch.isNull() || patch.isMissingNode()) {
            throw PatchException.badRequest("Invalid JSON Patch");
        }
        if (!patch.isObject()) {
            throw PatchException.badRequest("error decoding patch: json: cannot unmarshal " + GoValues.jsonKind(patch)
                    + " into Go value of type map[string]interface {}");
        }
        return apply(target, patch);
    }

    /** Merges into {@code target}, which the caller owns. */
    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? (ObjectNode) target : Directives.NODES.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
