package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The outcome of a server-side apply: the object to persist, {@code metadata.managedFields} included, and whether it
 * differs from the live object at all (an unchanged apply keeps even the managedFields times, so the caller need not
 * write or bump the resourceVersion).
 */
public record ApplyResult(JsonNode object, boolean changed) {

    /** The object's {@code metadata.managedFields} (an empty array when it has none). */
    public JsonNode managedFields() {
        JsonNode mf = object.path("metadata").get("managedFields");
        return mf == null ? JsonNodeFactory.instance.arrayNode() : mf;
    }
}
