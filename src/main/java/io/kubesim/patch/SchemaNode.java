package io.kubesim.patch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable tree of struct fields with their patch tags; itself the {@link PatchSchema} of its root. */
final class SchemaNode implements PatchSchema {

    /** One struct field: the list strategy (lists only), {@code retainKeys}, and the schema of its value/elements. */
    record Field(ListStrategy strategy, boolean retainKeys, SchemaNode node) {
    }

    static final SchemaNode EMPTY = new SchemaNode(Map.of());

    private final Map<String, Field> fields;

    private SchemaNode(Map<String, Field> fields) {
        this.fields = fields;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public ListStrategy strategyFor(List<String> path) {
        Field f = lookup(path);
        return f == null ? ListStrategy.ATOMIC : f.strategy();
    }

    @Override
    public boolean retainKeys(List<String> path) {
        Field f = lookup(path);
        return f != null && f.retainKeys();
    }

    private Field lookup(List<String> path) {
        SchemaNode node = this;
        Field field = null;
        for (String name : path) {
            field = node.fields.get(name);
            if (field == null) {
                return null;
            }
            node = field.node();
        }
        return field;
    }

    /** Collects fields; later declarations of a name win. */
    static final class Builder {
        private final Map<String, Field> fields = new LinkedHashMap<>();

        /** A struct or map field. */
        Builder object(String name, SchemaNode node) {
            return put(name, new Field(ListStrategy.ATOMIC, false, node));
        }

        /** A struct field tagged {@code patchStrategy:"retainKeys"}. */
        Builder retainKeysObject(String name, SchemaNode node) {
            return put(name, new Field(ListStrategy.ATOMIC, true, node));
        }

        /** A list field whose elements need no further tags. */
        Builder list(String name, ListStrategy strategy) {
            return list(name, strategy, EMPTY);
        }

        /** A list field and the schema of its elements. */
        Builder list(String name, ListStrategy strategy, SchemaNode elements) {
            return put(name, new Field(strategy, false, elements));
        }

        /** A list field tagged {@code patchStrategy:"merge,retainKeys"}. */
        Builder retainKeysList(String name, ListStrategy strategy, SchemaNode elements) {
            return put(name, new Field(strategy, true, elements));
        }

        private Builder put(String name, Field field) {
            fields.put(name, field);
            return this;
        }

        SchemaNode build() {
            return new SchemaNode(Map.copyOf(fields));
        }
    }
}
