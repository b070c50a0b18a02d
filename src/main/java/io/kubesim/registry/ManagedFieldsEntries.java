package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.kubesim.registry.codec.ObjectCodec;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field manager's managedFields (a JSON array) as the typed entries of the object being written. An entry is
 * built field by field, its {@code fieldsV1} holding the tree's own nodes (Jackson writes a JsonNode value as it
 * is), instead of converting the tree (a token copy, a hash lookup and often a parse per entry: a fifth of a
 * kubelet status write). The typed entries only travel to the encoder; nothing reads their fieldsV1 as maps.
 */
final class ManagedFieldsEntries {

    private static final Set<String> FIELDS = Set.of("manager", "operation", "apiVersion", "time", "fieldsType",
            "fieldsV1", "subresource");

    private ManagedFieldsEntries() {
    }

    /** Typed entries for {@code managedFields}, or null for none. */
    static List<ManagedFieldsEntry> of(ObjectCodec codec, JsonNode managedFields) {
        if (managedFields == null || !managedFields.isArray() || managedFields.isEmpty()) {
            return null;
        }
        List<ManagedFieldsEntry> out = new ArrayList<>(managedFields.size());
        for (JsonNode node : managedFields) {
            ManagedFieldsEntry e = direct(node);
            out.add(e != null ? e : codec.convert(node, ManagedFieldsEntry.class));
        }
        return out;
    }

    /** The entry built from {@code node}, or null when it has a shape only the full conversion handles. */
    static ManagedFieldsEntry direct(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> p : node.properties()) {
            if (!FIELDS.contains(p.getKey()) || !(p.getKey().equals("fieldsV1") ? p.getValue().isObject()
                    : p.getValue().isString())) {
                return null;
            }
        }
        ManagedFieldsEntry e = new ManagedFieldsEntry();
        e.setManager(text(node, "manager"));
        e.setOperation(text(node, "operation"));
        e.setApiVersion(text(node, "apiVersion"));
        e.setTime(text(node, "time"));
        e.setFieldsType(text(node, "fieldsType"));
        e.setSubresource(text(node, "subresource"));
        JsonNode fields = node.get("fieldsV1");
        if (fields != null) {
            Map<String, Object> top = new LinkedHashMap<>();
            fields.properties().forEach(p -> top.put(p.getKey(), p.getValue()));
            FieldsV1 v1 = new FieldsV1();
            v1.setAdditionalProperties(top);
            e.setFieldsV1(v1);
        }
        return e;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null ? null : v.asString();
    }
}
