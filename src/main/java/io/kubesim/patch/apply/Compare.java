package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;


/**
 * Compares two versions of an object field by field (structured-merge-diff {@code compare.go}). Leaves are added,
 * removed or modified; a map, struct or list item present on one side only is itself added or removed; two empty (or
 * null) maps or lists compare as a leaf. {@code null} arguments mean absent, JSON {@code null} is a value.
 */
final class Compare {

    private final FieldSet.Builder added = new FieldSet.Builder();
    private final FieldSet.Builder modified = new FieldSet.Builder();
    private final FieldSet.Builder removed = new FieldSet.Builder();

    private Compare() {
    }

    /** Compares {@code oldValue} with {@code newValue} (both normalized the same way by the caller). */
    static Comparison of(JsonNode oldValue, JsonNode newValue, ApplySchema schema) {
        Compare c = new Compare();
        c.walk(oldValue, newValue, schema, FieldPath.ROOT);
        return new Comparison(c.added.build(), c.modified.build(), c.removed.build());
    }

    private void walk(JsonNode l, JsonNode r, ApplySchema schema, FieldPath path) {
        if (l != null && r != null && (l == r || Values.equal(l, r))) {
            return; // equal values hold no added, removed or modified field: skip walking (and naming) each one
        }
        ApplySchema s = resolve(schema, l, r);
        boolean leaf = switch (s.type()) {
            case GRANULAR -> !fits(l, true) || !fits(r, true) || granular(l, r, s, path);
            case ASSOCIATIVE, SET -> !fits(l, false) || !fits(r, false) || list(l, r, s, path);
            default -> true;
        };
        if (leaf) {
            leaf(l, r, path);
        } else if (l == null) {
            added.insert(path);
        } else if (r == null) {
            removed.insert(path);
        }
    }

    private static ApplySchema resolve(ApplySchema schema, JsonNode l, JsonNode r) {
        if (schema.type() != ApplySchema.Type.DEDUCED) {
            return schema;
        }
        boolean objects = (l == null || l.isObject()) && (r == null || r.isObject());
        return objects ? schema.resolve(l != null ? l : r) : ApplySchema.ATOMIC;
    }

    private static boolean fits(JsonNode v, boolean object) {
        return v == null || v.isNull() || (object ? v.isObject() : v.isArray());
    }

    private static boolean empty(JsonNode v) {
        return v == null || v.isNull() || v.isEmpty();
    }

    private void leaf(JsonNode l, JsonNode r, FieldPath path) {
        if (l == null) {
            added.insert(path);
        } else if (r == null) {
            removed.insert(path);
        } else if (!Values.equal(l, r)) {
            modified.insert(path);
        }
    }

    /** Compares map entries; returns true when both sides are empty and the map is a leaf instead. */
    private boolean granular(JsonNode l, JsonNode r, ApplySchema s, FieldPath path) {
        if (empty(l) && empty(r)) {
            return true;
        }
        // the left side's keys, then the right side's others (no merged key set per map)
        boolean left = l != null && l.isObject();
        if (left) {
            for (var e : l.properties()) {
                String key = e.getKey();
                walk(e.getValue(), r == null ? null : r.get(key), s.field(key), path.append(PathElement.field(key)));
            }
        }
        if (r != null && r.isObject()) {
            for (var e : r.properties()) {
                String key = e.getKey();
                if (!left || !l.has(key)) {
                    walk(null, e.getValue(), s.field(key), path.append(PathElement.field(key)));
                }
            }
        }
        return false;
    }

    /** Compares list items by path element; returns true when both sides are empty. */
    private boolean list(JsonNode l, JsonNode r, ApplySchema s, FieldPath path) {
        if (empty(l) && empty(r)) {
            return true;
        }
        ListItems.Index li = ListItems.index(l, s, path);
        ListItems.Index ri = ListItems.index(r, s, path);
        for (PathElement pe : li.distinct()) {
            walk(li.first().get(pe), ri.first().get(pe), s.elements(), path.append(pe));
        }
        for (PathElement pe : ri.distinct()) {
            if (!li.first().containsKey(pe)) {
                walk(null, ri.first().get(pe), s.elements(), path.append(pe));
            }
        }
        return false;
    }
}
