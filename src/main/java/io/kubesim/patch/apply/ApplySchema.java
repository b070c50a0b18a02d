package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server-side apply schema of one node of an object, after the {@code +listType}, {@code +listMapKey},
 * {@code +mapType} and {@code +structType} markers of {@code k8s.io/api}: a granular map or struct (merged field by
 * field), an atomic value (scalars, atomic maps and structs such as label selectors, atomic lists), an associative
 * list ({@code listType=map}, items keyed by {@link #keys()}), or a set ({@code listType=set}, scalar items). Fields
 * a struct does not declare are {@link Type#DEDUCED}: objects are granular (as structs: their fields are owned
 * through their leaves), lists atomic, as structured-merge-diff deduces them. A granular node also records the
 * composite fields of its Go zero value ({@link #zeroFields()}), so comparisons see objects the way the typed Go
 * structs do (for example a Deployment always has {@code spec.strategy} and {@code status}). Instances are
 * immutable.
 */
public final class ApplySchema {

    /** How a node merges. */
    public enum Type {
        /** A map or struct merged field by field. */
        GRANULAR,
        /** A leaf: replaced as a whole and owned as one field. */
        ATOMIC,
        /** {@code listType=map}: items identified by their key fields. */
        ASSOCIATIVE,
        /** {@code listType=set}: scalar items identified by value. */
        SET,
        /** Undeclared: objects are granular, anything else is a leaf. */
        DEDUCED
    }

    static final ApplySchema ATOMIC = simple(Type.ATOMIC, null);
    static final ApplySchema DEDUCED = simple(Type.DEDUCED, null);
    static final ApplySchema SET = simple(Type.SET, ATOMIC);
    private static final ApplySchema DEDUCED_STRUCT = simple(Type.GRANULAR, DEDUCED);

    private final Type type;
    private final boolean mapEntries;
    private final Map<String, ApplySchema> fields;
    private final ApplySchema elements;
    private final List<String> keys;
    private final Map<String, JsonNode> keyDefaults;
    private final Map<String, JsonNode> zeroFields;

    private ApplySchema(Type type, boolean mapEntries, Map<String, ApplySchema> fields, ApplySchema elements,
                        List<String> keys, Map<String, JsonNode> keyDefaults, Map<String, JsonNode> zeroFields) {
        this.type = type;
        this.mapEntries = mapEntries;
        this.fields = fields;
        this.elements = elements;
        this.keys = keys;
        this.keyDefaults = keyDefaults;
        this.zeroFields = zeroFields;
    }

    private static ApplySchema simple(Type type, ApplySchema elements) {
        return new ApplySchema(type, false, Map.of(), elements, List.of(), Map.of(), Map.of());
    }

    /**
     * The schema of {@code apiVersion} ({@code v1}, {@code apps/v1}, ...) and {@code kind}. Kinds kubesim does not
     * know get metadata only, with everything else deduced.
     */
    public static ApplySchema forKind(String apiVersion, String kind) {
        return KubeApplySchemas.forKind(apiVersion, kind);
    }

    /** True when {@link #forKind} has a dedicated schema for this kind. */
    public static boolean knows(String apiVersion, String kind) {
        return KubeApplySchemas.knows(apiVersion, kind);
    }

    public Type type() {
        return type;
    }

    /**
     * True for a map (labels, annotations, data) whose entries are owned as fields in their own right; false for a
     * struct, whose fields are owned only through their leaves.
     */
    public boolean isMap() {
        return mapEntries;
    }

    /** The key fields of an associative list, in declaration order; empty otherwise. */
    public List<String> keys() {
        return keys;
    }

    /** The schema default of a key field (only {@code protocol: TCP} of ports has one). */
    public Optional<JsonNode> keyDefault(String key) {
        return Optional.ofNullable(keyDefaults.get(key));
    }

    /** The schema of the field {@code name} of a granular node; deduced when undeclared. */
    public ApplySchema field(String name) {
        ApplySchema s = fields.get(name);
        if (s != null) {
            return s;
        }
        return elements != null ? elements : DEDUCED;
    }

    /** The schema of the items of a list node. */
    public ApplySchema elements() {
        return elements != null ? elements : DEDUCED;
    }

    /** Composite fields of the Go zero value of a granular node, in declaration order: {@code {}} or null each. */
    public Map<String, JsonNode> zeroFields() {
        return zeroFields;
    }

    /** This node as it applies to {@code value}: a deduced node becomes granular for objects, atomic otherwise. */
    ApplySchema resolve(JsonNode value) {
        if (type != Type.DEDUCED) {
            return this;
        }
        return value != null && value.isObject() ? DEDUCED_STRUCT : ATOMIC;
    }

    /** A granular map whose entries (any key) all have schema {@code elements}. */
    static ApplySchema map(ApplySchema elements) {
        return new ApplySchema(Type.GRANULAR, true, Map.of(), elements, List.of(), Map.of(), Map.of());
    }

    /** An associative list keyed by {@code keys}. */
    static ApplySchema associative(ApplySchema elements, String... keys) {
        return associative(elements, Map.of(), keys);
    }

    /** An associative list keyed by {@code keys}, some with schema defaults. */
    static ApplySchema associative(ApplySchema elements, Map<String, JsonNode> defaults, String... keys) {
        return new ApplySchema(Type.ASSOCIATIVE, false, Map.of(), elements, List.of(keys), Map.copyOf(defaults),
                Map.of());
    }

    /** A struct being declared. */
    static Struct struct() {
        return new Struct();
    }

    /** Declares struct fields and Go zero-value fields. */
    static final class Struct {
        private final Map<String, ApplySchema> fields = new LinkedHashMap<>();
        private final Map<String, JsonNode> zeros = new LinkedHashMap<>();

        Struct field(String name, ApplySchema schema) {
            fields.put(name, Objects.requireNonNull(schema, name));
            return this;
        }

        /** A non-pointer struct field: always present, {@code {}} in the zero value. */
        Struct embedded(String name, ApplySchema schema) {
            zeros.put(name, JsonNodeFactory.instance.objectNode());
            return field(name, schema);
        }

        /** A pointer, slice or map field without {@code omitempty}: {@code null} in the zero value. */
        Struct nullable(String name, ApplySchema schema) {
            zeros.put(name, JsonNodeFactory.instance.nullNode());
            return field(name, schema);
        }

        ApplySchema build() {
            return new ApplySchema(Type.GRANULAR, false, Map.copyOf(fields), null, List.of(), Map.of(),
                    Collections.unmodifiableMap(new LinkedHashMap<>(zeros)));
        }
    }

    @Override
    public String toString() {
        return type == Type.ASSOCIATIVE ? "associative" + keys : type.name().toLowerCase();
    }
}
