package io.kubesim.patch;

import io.fabric8.zjsonpatch.CompatibilityFlags;
import io.fabric8.zjsonpatch.JsonPatchException;
import tools.jackson.databind.JsonNode;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * JSON patch ({@code application/json-patch+json}, RFC 6902) on {@code io.fabric8:zjsonpatch}, framed the way
 * {@code handlers/patch.go} frames {@code evanphx/json-patch} v4: the body is decoded strictly first (400), more than
 * {@value #MAX_OPERATIONS} operations are refused (413), and any operation that fails makes the whole patch fail with
 * the generic 422 (the document is never half-patched).
 *
 * <p>Choices and known differences from v4, all within the 422 category: array indexes with a leading zero
 * ({@code /a/01}) and negative indexes are rejected as RFC 6901 says, where v4's {@code strconv.Atoi} accepts them;
 * {@code remove} of {@code .../-} and every operation on the root path {@code ""} fail, as in v4; an {@code add} or
 * {@code replace} without {@code value} writes {@code null}, as in v4; {@code test} compares JSON values
 * ({@code 1} is not {@code 1.0}, as v4 compares compacted text), but v4 also lets {@code test} of a missing member
 * against {@code null} pass, which this does not.
 */
public final class JsonPatch {

    /** {@code maxJSONPatchOperations} of the apiserver. */
    public static final int MAX_OPERATIONS = 10_000;

    private static final List<String> STRING_FIELDS = List.of("op", "path", "from");

    private JsonPatch() {
    }

    /**
     * Applies {@code patch} to {@code document} without modifying either.
     *
     * @param document the current object
     * @param patch    the request body: an array of operation objects; JSON {@code null} is an empty patch
     * @return the patched document, a new tree
     * @throws PatchException {@code BAD_REQUEST} for a body that is not an array of operations,
     *                        {@code TOO_LARGE} beyond {@value #MAX_OPERATIONS} operations, {@code INVALID} when an
     *                        operation fails
     */
    public static JsonNode apply(JsonNode document, JsonNode patch) throws PatchException {
        List<JsonNode> operations = decode(patch);
        if (operations.size() > MAX_OPERATIONS) {
            throw new PatchException(PatchException.Category.TOO_LARGE, "The allowed maximum operations in a JSON "
                    + "patch is " + MAX_OPERATIONS + ", got " + operations.size());
        }
        for (JsonNode operation : operations) {
            refuseWhatV4Refuses(operation);
        }
        if (operations.isEmpty()) {
            return document.deepCopy();
        }
        try {
            return io.fabric8.zjsonpatch.JsonPatch.apply(Pointers.forZjsonpatch(patch), document, EnumSet.of(
                    CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT, CompatibilityFlags.MISSING_VALUES_AS_NULLS));
        } catch (JsonPatchException e) {
            throw PatchException.invalid(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw PatchException.invalid(String.valueOf(e.getMessage()), e);
        }
    }

    /** The strict decode into {@code []handlers.jsonPatchOp}, with Go's error texts. */
    private static List<JsonNode> decode(JsonNode patch) throws PatchException {
        if (patch == null || patch.isNull() || patch.isMissingNode()) {
            return List.of();
        }
        if (!patch.isArray()) {
            throw decodeError(GoValues.jsonKind(patch) + " into Go value of type []handlers.jsonPatchOp");
        }
        for (JsonNode operation : patch.values()) {
            if (operation.isNull()) {
                continue;
            }
            if (!operation.isObject()) {
                throw decodeError(GoValues.jsonKind(operation) + " into Go value of type handlers.jsonPatchOp");
            }
            for (Map.Entry<String, JsonNode> member : operation.properties()) {
                JsonNode value = member.getValue();
                if (STRING_FIELDS.contains(member.getKey()) && !value.isNull() && !value.isString()) {
                    throw decodeError(GoValues.jsonKind(value) + " into Go struct field jsonPatchOp."
                            + member.getKey() + " of type string");
                }
            }
        }
        return List.copyOf(patch.values());
    }

    private static PatchException decodeError(String what) {
        return PatchException.badRequest("error decoding patch: json: cannot unmarshal " + what);
    }

    /** What v4 fails on but zjsonpatch would carry out. */
    private static void refuseWhatV4Refuses(JsonNode operation) throws PatchException {
        if (operation.isNull()) {
            throw PatchException.invalid("Unexpected kind: unknown", null);
        }
        String op = operation.path("op").asString("");
        JsonNode path = operation.get("path");
        if (path != null && path.isString() && path.stringValue().isEmpty()) {
            throw PatchException.invalid(op + " operation does not apply: doc is missing path: \"\"", null);
        }
        JsonNode from = operation.get("from");
        if (("move".equals(op) || "copy".equals(op)) && from != null && from.isString()
                && from.stringValue().isEmpty()) {
            throw PatchException.invalid(op + " operation does not apply: doc is missing from path: \"\"", null);
        }
        if ("remove".equals(op) && path != null && path.isString() && path.stringValue().endsWith("/-")) {
            throw PatchException.invalid("remove operation does not apply: \"-\" is not an array index", null);
        }
    }
}
