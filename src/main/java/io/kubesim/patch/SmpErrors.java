package io.kubesim.patch;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The strategic merge patch errors with apimachinery's texts ({@code mergepatch/errors.go}, {@code strategicpatch})
 * and the category {@code interpretStrategicMergePatchError} gives them.
 */
final class SmpErrors {

    private SmpErrors() {
    }

    static PatchException badPrimitiveList() {
        return PatchException.badRequest("invalid patch format of primitive list");
    }

    static PatchException badRetainKeys() {
        return PatchException.badRequest("invalid patch format of retainKeys");
    }

    static PatchException badSetElementOrder() {
        return PatchException.badRequest("invalid patch format of setElementOrder list");
    }

    /** {@code ErrNoListOfLists}: a 422 with the generic message. */
    static PatchException listOfLists() {
        return PatchException.invalid("lists of lists are not supported", null);
    }

    static PatchException noMergeKey(JsonNode map, String mergeKey) {
        return PatchException.internal("map: " + GoValues.v(map) + " does not contain declared merge key: " + mergeKey);
    }

    /** {@code ErrBadArgType}: the expected Go type and the received value. */
    static PatchException badArgType(String expectedType, JsonNode actual) {
        return PatchException.internal("expected a " + expectedType + ", but received a " + GoValues.typeName(actual));
    }

    static PatchException badArgTypeMap(JsonNode actual) {
        return badArgType("map[string]interface {}", actual);
    }

    static PatchException badArgTypeList(JsonNode actual) {
        return badArgType("[]interface {}", actual);
    }

    static PatchException unknownPatchType(JsonNode directive, JsonNode map) {
        return PatchException.internal("unknown patch type: " + GoValues.s(directive) + " in map: " + GoValues.v(map));
    }

    static PatchException mergeDirectiveInList() {
        return PatchException.internal("merging lists cannot yet be specified in the patch");
    }

    /**
     * A list of maps merged without a merge key. Upstream names the element kind of the Go field: {@code string} for
     * the merged primitive lists ({@code finalizers}, {@code podCIDRs}), {@code struct} for an atomic list of structs
     * reached through {@code $deleteFromPrimitiveList}.
     */
    static PatchException noMergeKeyDeclared(ListStrategy strategy) {
        String elementKind = strategy instanceof ListStrategy.MergePrimitive ? "string" : "struct";
        return PatchException.internal("cannot merge lists without merge key for " + elementKind);
    }

    static PatchException elementTypesDiffer(List<JsonNode> original, List<JsonNode> patch) {
        return PatchException.internal("list element types are not identical: ["
                + GoValues.list(original) + " " + GoValues.list(patch) + "]");
    }

    static PatchException notAMap(int index) {
        return PatchException.internal("value for key " + index + " is not a map");
    }

    static PatchException orderMismatch(List<JsonNode> patchList, JsonNode setOrder) {
        return PatchException.internal("the order in patch list:\n" + GoValues.list(patchList)
                + "\n doesn't match " + Directives.SET_ELEMENT_ORDER + " list:\n" + GoValues.v(setOrder));
    }

    /**
     * Where apimachinery panics (hashing a map, {@code reflect.TypeOf(nil).Kind()}): {@code WithPanicRecovery} answers
     * a plain-text 500 with this body, not a {@code Status}. {@code detail} keeps the Go runtime error.
     */
    static PatchException panic(String runtimeError) {
        return new PatchException(PatchException.Category.INTERNAL,
                "This request caused apiserver to panic. Look in the logs for details.", runtimeError, null);
    }

    static PatchException unhashable(String goType) {
        return panic("runtime error: hash of unhashable type " + goType);
    }
}
