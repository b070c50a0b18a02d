package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The path elements of the items of associative lists and sets (structured-merge-diff
 * {@code listItemToPathElement}): key fields, defaulted from the schema when absent, or the scalar value itself.
 */
final class ListItems {

    /** A list's items by path element: every item's element in order, the first item per element, duplicates. */
    record Index(List<PathElement> perItem, TreeMap<PathElement, JsonNode> first, Set<PathElement> duplicated) {

        /** The distinct elements in first-appearance order. */
        List<PathElement> distinct() {
            List<PathElement> out = new ArrayList<>();
            Set<PathElement> seen = new HashSet<>();
            for (PathElement pe : perItem) {
                if (seen.add(pe)) {
                    out.add(pe);
                }
            }
            return out;
        }
    }

    private ListItems() {
    }

    /** Indexes {@code list} (null or missing gives an empty index). */
    static Index index(JsonNode list, ApplySchema schema, FieldPath path) {
        List<PathElement> perItem = new ArrayList<>();
        TreeMap<PathElement, JsonNode> first = new TreeMap<>();
        Set<PathElement> duplicated = new HashSet<>();
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                PathElement pe = element(schema, list.get(i), i, path);
                perItem.add(pe);
                if (first.putIfAbsent(pe, list.get(i)) != null) {
                    duplicated.add(pe);
                }
            }
        }
        return new Index(perItem, first, duplicated);
    }

    /** Indexes an applied list, where duplicate items are an error. */
    static Index indexApplied(JsonNode list, ApplySchema schema, FieldPath path) {
        Index index = index(list, schema, path);
        if (!index.duplicated().isEmpty()) {
            PathElement dup = index.distinct().stream().filter(index.duplicated()::contains).findFirst().orElseThrow();
            throw SchemaViolation.at(path, "duplicate entries for key " + dup.display());
        }
        return index;
    }

    /** The path element of one item. */
    static PathElement element(ApplySchema schema, JsonNode item, int index, FieldPath path) {
        String problem = schema.type() == ApplySchema.Type.ASSOCIATIVE ? keyProblem(schema, item) : setProblem(item);
        if (problem != null) {
            throw SchemaViolation.at(path, "element " + index + ": " + problem);
        }
        if (schema.type() != ApplySchema.Type.ASSOCIATIVE) {
            return new PathElement.Value(item);
        }
        List<PathElement.KeyField> fields = new ArrayList<>();
        for (String key : schema.keys()) {
            JsonNode v = item.get(key);
            fields.add(new PathElement.KeyField(key, v != null ? v : schema.keyDefault(key).orElseThrow()));
        }
        return new PathElement.Key(fields);
    }

    private static String keyProblem(ApplySchema schema, JsonNode item) {
        if (item == null || item.isNull()) {
            return "associative list with keys may not have a null element";
        }
        if (!item.isObject()) {
            return "associative list with keys may not have non-map elements";
        }
        for (String key : schema.keys()) {
            if (item.get(key) == null && schema.keyDefault(key).isEmpty()) {
                return "associative list with keys has an element that omits key field " + Values.goQuote(key)
                        + " (and doesn't have default value)";
            }
        }
        return null;
    }

    private static String setProblem(JsonNode item) {
        if (item == null || item.isNull()) {
            return "associative list without keys has an element that's an explicit null";
        }
        if (item.isObject()) {
            return "associative list without keys has an element that's a map type";
        }
        return item.isArray() ? "not supported: associative list with lists as elements" : null;
    }
}
