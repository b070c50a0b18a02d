package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The set of fields a value sets (structured-merge-diff {@code TypedValue.ToFieldSet}): every leaf (scalar, atomic
 * value, explicit null), every associative-list or set item (with the leaves inside it), every map entry. Struct
 * fields with children are not members themselves, and empty maps or lists set nothing.
 */
final class ToFieldSet {

    private final FieldSet.Builder builder = new FieldSet.Builder();
    private final boolean applied;

    private ToFieldSet(boolean applied) {
        this.applied = applied;
    }

    /** The fields of an applied configuration; duplicate list items are a {@link SchemaViolation}. */
    static FieldSet applied(JsonNode config, ApplySchema schema) {
        ToFieldSet walk = new ToFieldSet(true);
        walk.walk(config, schema, FieldPath.ROOT);
        return walk.builder.build();
    }

    /** The fields of a stored (or merged) object; duplicate list items are tolerated. */
    static FieldSet of(JsonNode object, ApplySchema schema) {
        ToFieldSet walk = new ToFieldSet(false);
        walk.walk(object, schema, FieldPath.ROOT);
        return walk.builder.build();
    }

    private void walk(JsonNode value, ApplySchema schema, FieldPath path) {
        ApplySchema s = schema.resolve(value);
        switch (s.type()) {
            case GRANULAR -> granular(value, s, path);
            case ASSOCIATIVE, SET -> list(value, s, path);
            default -> builder.insert(path);
        }
    }

    private void granular(JsonNode value, ApplySchema s, FieldPath path) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            builder.insert(path);
            return;
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            FieldPath child = path.append(PathElement.field(e.getKey()));
            walk(e.getValue(), s.field(e.getKey()), child);
            if (s.isMap()) {
                builder.insert(child);
            }
        }
    }

    private void list(JsonNode value, ApplySchema s, FieldPath path) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            builder.insert(path);
            return;
        }
        ListItems.Index index = applied ? ListItems.indexApplied(value, s, path) : ListItems.index(value, s, path);
        for (int i = 0; i < value.size(); i++) {
            FieldPath item = path.append(index.perItem().get(i));
            walk(value.get(i), s.elements(), item);
            builder.insert(item);
        }
    }
}
