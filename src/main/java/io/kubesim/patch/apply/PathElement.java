package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a field path, as structured-merge-diff's {@code fieldpath.PathElement}: a field name ({@code f:}), the
 * key fields of an associative-list item ({@code k:}), the value of a set item ({@code v:}) or a list index
 * ({@code i:}). Elements are totally ordered (fields, then keys, then values, then indices) so sets of them serialize
 * in upstream order.
 */
public sealed interface PathElement extends Comparable<PathElement>
        permits PathElement.Field, PathElement.Key, PathElement.Value, PathElement.Index {

    /** A map or struct field. */
    record Field(String name) implements PathElement {
        public Field {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The item of an associative list whose key fields have these values; fields are kept sorted by name. */
    record Key(List<KeyField> fields) implements PathElement {
        public Key {
            List<KeyField> sorted = new ArrayList<>(fields);
            sorted.sort(Comparator.comparing(KeyField::name));
            fields = List.copyOf(sorted);
        }
    }

    /** One key field of a {@link Key}. */
    record KeyField(String name, JsonNode value) {
        public KeyField {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyField k && name.equals(k.name) && Values.equal(value, k.value);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    /** The item of a set (a list of scalars) equal to this value. */
    record Value(JsonNode value) implements PathElement {
        public Value {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Value v && Values.equal(value, v.value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** An index into an atomic list (only ever read from FieldsV1 written by others). */
    record Index(int index) implements PathElement {
    }

    /** A field element. */
    static PathElement field(String name) {
        return new Field(name);
    }

    /** A key element from alternating names and values, for instance {@code key("name", "nginx")}. */
    static PathElement key(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        List<KeyField> fields = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(new KeyField((String) namesAndValues[i], Values.MAPPER.valueToTree(namesAndValues[i + 1])));
        }
        return new Key(fields);
    }

    /** A set-item element holding {@code value} (a Java scalar or a {@link JsonNode}). */
    static PathElement value(Object value) {
        return new Value(value instanceof JsonNode n ? n : Values.MAPPER.valueToTree(value));
    }

    private int typeRank() {
        if (this instanceof Field) {
            return 0;
        }
        if (this instanceof Key) {
            return 1;
        }
        return this instanceof Value ? 2 : 3;
    }

    /** The upstream order: by type first, then by name, key fields, value or index. */
    @Override
    default int compareTo(PathElement other) {
        int c = Integer.compare(typeRank(), other.typeRank());
        if (c != 0) {
            return c;
        }
        if (this instanceof Field f) {
            return f.name().compareTo(((Field) other).name());
        }
        if (this instanceof Key k) {
            return compareKeys(k.fields(), ((Key) other).fields());
        }
        if (this instanceof Value v) {
            return Values.compare(v.value(), ((Value) other).value());
        }
        return Integer.compare(((Index) this).index(), ((Index) other).index());
    }

    private static int compareKeys(List<KeyField> a, List<KeyField> b) {
        for (int i = 0; ; i++) {
            if (i >= a.size() || i >= b.size()) {
                return Integer.compare(a.size(), b.size());
            }
            int c = a.get(i).name().compareTo(b.get(i).name());
            if (c == 0) {
                c = Values.compare(a.get(i).value(), b.get(i).value());
            }
            if (c != 0) {
                return c;
            }
        }
    }

    /** The upstream display form: {@code .name}, {@code [k=v,k2="s"]}, {@code [="x"]}, {@code [3]}. */
    default String display() {
        if (this instanceof Field f) {
            return "." + f.name();
        }
        if (this instanceof Key k) {
            List<String> parts = new ArrayList<>();
            k.fields().forEach(kf -> parts.add(kf.name() + "=" + Values.toDisplay(kf.value())));
            return "[" + String.join(",", parts) + "]";
        }
        if (this instanceof Value v) {
            return "[=" + Values.toDisplay(v.value()) + "]";
        }
        return "[" + ((Index) this).index() + "]";
    }

    /** The FieldsV1 key: {@code f:name}, {@code k:{"a":1,"b":"x"}}, {@code v:"x"} or {@code i:0}. */
    default String serialize() {
        if (this instanceof Field f) {
            return "f:" + f.name();
        }
        if (this instanceof Key k) {
            StringBuilder sb = new StringBuilder("k:{");
            for (int i = 0; i < k.fields().size(); i++) {
                KeyField kf = k.fields().get(i);
                sb.append(i == 0 ? "" : ",");
                Values.goJsonString(kf.name(), sb);
                sb.append(':').append(Values.goJson(kf.value()));
            }
            return sb.append('}').toString();
        }
        if (this instanceof Value v) {
            return "v:" + Values.goJson(v.value());
        }
        return "i:" + ((Index) this).index();
    }

    /**
     * Parses a FieldsV1 key; returns null for an unknown prefix (upstream skips those) and throws
     * {@link IllegalArgumentException} for a malformed one.
     */
    static PathElement parse(String s) {
        if (s.length() < 2 || s.charAt(1) != ':') {
            throw new IllegalArgumentException("invalid path element: " + s);
        }
        String body = s.substring(2);
        switch (s.charAt(0)) {
            case 'f':
                return new Field(body);
            case 'v':
                return new Value(Values.readJson(body, s));
            case 'k': {
                JsonNode object = Values.readJson(body, s);
                if (!object.isObject()) {
                    throw new IllegalArgumentException("invalid key path element: " + s);
                }
                List<KeyField> fields = new ArrayList<>();
                for (Map.Entry<String, JsonNode> e : object.properties()) {
                    fields.add(new KeyField(e.getKey(), e.getValue()));
                }
                return new Key(fields);
            }
            case 'i':
                try {
                    return new Index(Integer.parseInt(body));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid index path element: " + s, e);
                }
            default:
                return null;
        }
    }
}
