package io.kubesim.api.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * The Kubernetes types whose JSON is not their protobuf structure: times, durations, int-or-string, quantities,
 * embedded raw JSON, string lists wrapped in a message, and the apiextensions "schema or something" unions.
 * {@link #convert} answers null where Go writes {@code null} or nothing (a zero time, empty raw bytes).
 */
final class SpecialTypes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static final String APIEXTENSIONS = "k8s.io.apiextensions_apiserver.";
    private static final Set<String> BY_FULL_NAME = Set.of(META + "Time", META + "MicroTime", META + "Duration",
            META + "FieldsV1", META + "Verbs", "k8s.io.apimachinery.pkg.util.intstr.IntOrString",
            "k8s.io.apimachinery.pkg.api.resource.Quantity", "k8s.io.apimachinery.pkg.api.resource.QuantityValue",
            "k8s.io.apimachinery.pkg.runtime.RawExtension");
    private static final Set<String> APIEXTENSIONS_TYPES = Set.of("JSON", "JSONSchemaPropsOrArray",
            "JSONSchemaPropsOrBool", "JSONSchemaPropsOrStringArray");
    private static final DateTimeFormatter RFC3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC3339_MICRO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SpecialTypes() {
    }

    /** Whether messages of this type have a JSON form of their own. */
    static boolean handles(Descriptor d) {
        String full = d.getFullName();
        return BY_FULL_NAME.contains(full)
                || full.startsWith(APIEXTENSIONS) && APIEXTENSIONS_TYPES.contains(d.getName())
                || full.startsWith("k8s.io.api.") && d.getName().equals("ExtraValue");
    }

    /** The JSON of a message of a {@linkplain #handles handled} type, or null for none. */
    static JsonNode convert(Message m, MessageWalker walker) {
        return switch (m.getDescriptorForType().getName()) {
            case "Time" -> time(m, RFC3339);
            case "MicroTime" -> time(m, RFC3339_MICRO);
            case "Duration" -> NODES.stringNode(GoDuration.format((Long) get(m, "duration")));
            case "IntOrString" -> (Long) get(m, "type") == 1 ? NODES.stringNode((String) get(m, "strVal"))
                    : NODES.numberNode((Integer) get(m, "intVal"));
            case "Quantity", "QuantityValue" -> quantity((String) get(m, "string"));
            case "RawExtension", "JSON" -> raw((ByteString) get(m, "raw"), walker);
            case "FieldsV1" -> raw((ByteString) get(m, "Raw"), walker);
            case "Verbs", "ExtraValue" -> walker.array(field(m, "items"), (List<?>) get(m, "items"));
            case "JSONSchemaPropsOrArray" -> schemaOrArray(m, walker);
            case "JSONSchemaPropsOrBool" -> schemaOrBool(m, walker);
            case "JSONSchemaPropsOrStringArray" -> schemaOrStrings(m, walker);
            default -> throw new IllegalStateException("not a special type: " + m.getDescriptorForType().getFullName());
        };
    }

    /** Go writes a zero time (an empty message on the wire) as {@code null}; otherwise UTC, to the second or µs. */
    private static JsonNode time(Message m, DateTimeFormatter format) {
        if (m.getAllFields().isEmpty()) {
            return null;
        }
        Instant t = Instant.ofEpochSecond((Long) get(m, "seconds"), (Integer) get(m, "nanos"));
        return NODES.stringNode(format.format(t));
    }

    private static JsonNode quantity(String s) {
        return s.isEmpty() ? null : NODES.stringNode(s);
    }

    private static JsonNode raw(ByteString bytes, MessageWalker walker) {
        return bytes.isEmpty() ? null : walker.embedded(bytes);
    }

    /** Go: the list when it has items, else the single schema. */
    private static JsonNode schemaOrArray(Message m, MessageWalker walker) {
        FieldDescriptor list = field(m, "jSONSchemas");
        if (m.getRepeatedFieldCount(list) > 0) {
            return walker.array(list, (List<?>) m.getField(list));
        }
        return has(m, "schema") ? walker.message((Message) get(m, "schema")) : null;
    }

    /** Go: the schema when set, else the boolean. */
    private static JsonNode schemaOrBool(Message m, MessageWalker walker) {
        return has(m, "schema") ? walker.message((Message) get(m, "schema"))
                : NODES.booleanNode((Boolean) get(m, "allows"));
    }

    /** Go: the strings when there are some, else the schema when set, else null. */
    private static JsonNode schemaOrStrings(Message m, MessageWalker walker) {
        FieldDescriptor property = field(m, "property");
        if (m.getRepeatedFieldCount(property) > 0) {
            return walker.array(property, (List<?>) m.getField(property));
        }
        return has(m, "schema") ? walker.message((Message) get(m, "schema")) : null;
    }

    private static FieldDescriptor field(Message m, String name) {
        return m.getDescriptorForType().findFieldByName(name);
    }

    private static Object get(Message m, String name) {
        return m.getField(field(m, name));
    }

    private static boolean has(Message m, String name) {
        return m.hasField(field(m, name));
    }
}
