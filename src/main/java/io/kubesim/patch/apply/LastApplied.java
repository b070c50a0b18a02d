package io.kubesim.patch.apply;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Client-side apply's {@code kubectl.kubernetes.io/last-applied-configuration} annotation as server-side apply by
 * {@code kubectl} treats it (apimachinery {@code lastappliedmanager.go}, {@code lastappliedupdater.go}): conflicts
 * on fields the annotation still describes are allowed (the migration from client-side apply), and an existing
 * annotation is rewritten to the new applied configuration.
 */
final class LastApplied {

    static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

    /** {@code TotalAnnotationSizeLimitB}: past it the annotation is dropped instead of written. */
    private static final int ANNOTATIONS_LIMIT = 256 * 1024;

    private LastApplied() {
    }

    /** True when {@code object} carries a non-empty annotation. */
    static boolean has(JsonNode object) {
        JsonNode v = object.path("metadata").path("annotations").get(ANNOTATION);
        return v != null && v.isString() && !v.stringValue().isEmpty();
    }

    /** The annotation text for {@code config}: Go JSON of it without the annotation itself, newline-terminated. */
    static String build(JsonNode config) {
        JsonNode copy = config.deepCopy();
        JsonNode annotations = copy.path("metadata").get("annotations");
        if (annotations instanceof ObjectNode a) {
            a.remove(ANNOTATION);
        }
        return Values.goJson(copy) + "\n";
    }

    /** Writes the annotation (or drops it when the annotations would exceed their size limit). */
    static void set(ObjectNode object, String value) {
        ObjectNode annotations = object.withObjectProperty("metadata").withObjectProperty("annotations");
        annotations.put(ANNOTATION, value);
        long size = 0;
        for (Map.Entry<String, JsonNode> e : annotations.properties()) {
            size += e.getKey().length() + (e.getValue().isString() ? e.getValue().stringValue().length() : 0);
        }
        if (size > ANNOTATIONS_LIMIT) {
            annotations.remove(ANNOTATION);
        }
    }

    /**
     * The fields a {@code kubectl} apply may take over without force: those of the last-applied configuration
     * whose values the live object still has. Null when there is no usable annotation.
     */
    static FieldSet allowedConflicts(JsonNode live, String apiVersion, ApplySchema schema) {
        JsonNode text = live.path("metadata").path("annotations").get(ANNOTATION);
        if (text == null || !text.isString() || text.stringValue().isEmpty()) {
            return null;
        }
        try {
            JsonNode last = Values.MAPPER.readTree(text.stringValue());
            if (!last.isObject() || !apiVersion.equals(last.path("apiVersion").asString(""))) {
                return null;
            }
            FieldSet set = ToFieldSet.applied(last, schema);
            Comparison diff = Compare.of(last, ZeroValues.normalize(live, schema), schema);
            return set.difference(diff.modified()).difference(diff.added()).difference(diff.removed());
        } catch (JacksonException | SchemaViolation e) {
            return null;
        }
    }
}
