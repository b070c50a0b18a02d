package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * The FieldsV1 JSON form of a {@link FieldSet} (structured-merge-diff {@code serialize.go}): each path element is a
 * key ({@code f:}, {@code k:}, {@code v:}, {@code i:}); a leaf member is {@code {}}; a member that also has children
 * carries {@code ".": {}} first; a non-member with children is just its children. Reading follows
 * {@code readIterV1}: an object without children (including {@code {}} and {@code {".":{}}}) is a member, keys with
 * an unknown prefix are skipped.
 */
final class FieldsV1 {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Memo<JsonNode, FieldSet> READ = new Memo<>(4_096);

    private FieldsV1() {
    }

    static ObjectNode write(FieldSet set) {
        ObjectNode out = NODES.objectNode();
        writeLevel(set, out);
        return out;
    }

    private static void writeLevel(FieldSet set, ObjectNode out) {
        set.nodes().forEach((pe, node) -> {
            ObjectNode child = NODES.objectNode();
            if (node.member() && !node.children().isEmpty()) {
                child.putObject(".");
            }
            writeLevel(node.children(), child);
            out.set(pe.serialize(), child);
        });
    }

    /**
     * Parses a FieldsV1 object. Every write re-reads the stored object's managedFields, and objects of one kind
     * written by the same managers mostly carry equal sets, so parsed sets (immutable) are remembered by content,
     * up to 4,096 of them.
     */
    static FieldSet read(JsonNode fieldsV1) {
        if (fieldsV1 == null || fieldsV1.isNull() || fieldsV1.isMissingNode()) {
            return FieldSet.empty();
        }
        if (!fieldsV1.isObject()) {
            throw new IllegalArgumentException("FieldsV1 must be a JSON object");
        }
        return READ.get(fieldsV1, FieldsV1::parse, JsonNode::deepCopy);
    }

    private static FieldSet parse(JsonNode fieldsV1) {
        FieldSet.Builder builder = new FieldSet.Builder();
        readLevel(fieldsV1, FieldPath.ROOT, builder);
        return builder.build();
    }

    /** Reads the children of {@code prefix}; returns true when the object has no children (making it a member). */
    private static boolean readLevel(JsonNode object, FieldPath prefix, FieldSet.Builder builder) {
        boolean hasChildren = false;
        TreeMap<String, JsonNode> ordered = new TreeMap<>();
        object.properties().forEach(e -> ordered.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : ordered.entrySet()) {
            if (".".equals(e.getKey())) {
                if (!prefix.isEmpty()) {
                    builder.insert(prefix);
                }
                continue;
            }
            PathElement pe = PathElement.parse(e.getKey());
            if (pe == null) {
                continue;
            }
            hasChildren = true;
            FieldPath path = prefix.append(pe);
            JsonNode value = e.getValue();
            boolean leaf = value == null || !value.isObject() || readLevel(value, path, builder);
            if (leaf) {
                builder.insert(path);
            }
        }
        return !hasChildren;
    }
}
