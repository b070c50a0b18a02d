package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an applied configuration into a live object (structured-merge-diff {@code TypedValue.Merge}): granular maps
 * and structs merge field by field (live order first, new fields after), associative lists and sets merge item by
 * item in upstream order (shared items follow the configuration's order, live-only items keep their place), leaves
 * and atomic values are replaced. A JSON {@code null} in the configuration replaces a leaf (so it changes, and
 * conflicts on, the field; {@link #withoutAppliedNulls} later drops it as the typed round trip does) and leaves a
 * granular map or list alone. Inputs are never mutated.
 */
final class Merge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Merge() {
    }

    /** The merged object; the live object may be null (absent). */
    static JsonNode of(JsonNode live, JsonNode config, ApplySchema schema) {
        JsonNode out = merge(live, config, schema, FieldPath.ROOT);
        return out == null ? NODES.objectNode() : out;
    }

    /** Merges one value; null arguments and results mean absent. */
    private static JsonNode merge(JsonNode l, JsonNode r, ApplySchema schema, FieldPath path) {
        if (r == null) {
            return l == null ? null : l.deepCopy();
        }
        ApplySchema s = schema.resolve(r.isNull() && l != null ? l : r);
        return switch (s.type()) {
            case GRANULAR -> r.isNull() ? copy(l) : r.isObject() ? granular(l, r, s, path) : r.deepCopy();
            case ASSOCIATIVE, SET -> r.isNull() ? copy(l) : r.isArray() ? list(l, r, s, path) : r.deepCopy();
            default -> r.deepCopy();
        };
    }

    private static JsonNode copy(JsonNode l) {
        return l == null ? null : l.deepCopy();
    }

    private static JsonNode granular(JsonNode l, JsonNode r, ApplySchema s, FieldPath path) {
        JsonNode lm = l != null && l.isObject() ? l : NODES.objectNode();
        if (lm.isEmpty() && r.isEmpty()) {
            return r.deepCopy();
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : lm.properties()) {
            put(out, e.getKey(), merge(e.getValue(), r.get(e.getKey()), s.field(e.getKey()), field(path, e)));
        }
        for (Map.Entry<String, JsonNode> e : r.properties()) {
            if (lm.get(e.getKey()) == null) {
                put(out, e.getKey(), merge(null, e.getValue(), s.field(e.getKey()), field(path, e)));
            }
        }
        return out;
    }

    private static FieldPath field(FieldPath path, Map.Entry<String, JsonNode> e) {
        return path.append(PathElement.field(e.getKey()));
    }

    private static void put(ObjectNode out, String key, JsonNode value) {
        if (value != null) {
            out.set(key, value);
        }
    }

    /** The upstream list merge, duplicates in the live list included. */
    private static JsonNode list(JsonNode l, JsonNode r, ApplySchema s, FieldPath path) {
        JsonNode ll = l != null && l.isArray() ? l : NODES.arrayNode();
        if (ll.isEmpty() && r.isEmpty()) {
            return r.deepCopy();
        }
        ListItems.Index ri = ListItems.indexApplied(r, s, path);
        ListItems.Index li = ListItems.index(ll, s, path);
        List<PathElement> rhs = ri.perItem();
        List<PathElement> lhs = li.perItem();
        Deque<PathElement> shared = new ArrayDeque<>();
        rhs.stream().filter(li.first()::containsKey).forEach(shared::add);
        PathElement nextShared = shared.poll();
        Set<PathElement> mergedRhs = new HashSet<>();
        ArrayNode out = NODES.arrayNode();
        int lI = 0;
        int rI = 0;
        while (lI < lhs.size() || rI < rhs.size()) {
            if (lI < lhs.size() && rI < rhs.size()) {
                PathElement pe = lhs.get(lI);
                if (pe.equals(rhs.get(rI))) {
                    mergedRhs.add(pe);
                    add(out, item(li, pe, ri.first().get(pe), s, path));
                    lI++;
                    rI++;
                    nextShared = shared.poll();
                    continue;
                }
                if (ri.first().containsKey(pe) && nextShared != null && !nextShared.equals(pe)) {
                    lI++;
                    continue;
                }
            }
            if (lI < lhs.size()) {
                PathElement pe = lhs.get(lI);
                if (!ri.first().containsKey(pe)) {
                    add(out, ll.get(lI).deepCopy());
                    lI++;
                    continue;
                }
                if (mergedRhs.contains(pe)) {
                    lI++;
                    continue;
                }
            }
            if (rI < rhs.size()) {
                PathElement pe = rhs.get(rI);
                mergedRhs.add(pe);
                add(out, item(li, pe, ri.first().get(pe), s, path));
                rI++;
                if (pe.equals(nextShared)) {
                    nextShared = shared.poll();
                }
            }
        }
        return out;
    }

    /** Merges the configuration's item into the live one; a duplicated live item is not merged into. */
    private static JsonNode item(ListItems.Index li, PathElement pe, JsonNode rChild, ApplySchema s, FieldPath path) {
        JsonNode lChild = li.duplicated().contains(pe) ? null : li.first().get(pe);
        return merge(lChild, rChild, s.elements(), path.append(pe));
    }

    /**
     * {@code merged} without the leaves the configuration set to {@code null} (upstream converts the merged value to
     * the typed Go object, where they vanish). Mutates and returns {@code merged}.
     */
    static JsonNode withoutAppliedNulls(JsonNode merged, JsonNode config) {
        if (merged instanceof ObjectNode out && config != null && config.isObject()) {
            for (Map.Entry<String, JsonNode> e : config.properties()) {
                JsonNode value = out.get(e.getKey());
                if (e.getValue().isNull() && value != null && value.isNull()) {
                    out.remove(e.getKey());
                } else if (value != null) {
                    withoutAppliedNulls(value, e.getValue());
                }
            }
        }
        return merged;
    }

    private static void add(ArrayNode out, JsonNode item) {
        if (item != null) {
            out.add(item);
        }
    }
}
