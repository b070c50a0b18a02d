package io.kubesim.api.openapi;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds {@code components.schemas} entries from the Java client's models, the way kube-apiserver's OpenAPI v3
 * spells them: one object schema per model class with its description and {@code required} list; each property has
 * the getter's description and a type from the Java field type:
 * {@code String} → string, {@code Integer}/{@code Long} → integer int32/int64, {@code Double} → number double,
 * {@code Boolean} → boolean, {@code byte[]} → string byte, {@code OffsetDateTime} → {@code meta.v1.Time} (or
 * {@code MicroTime}, see {@link #MICRO_TIME}), {@code IntOrString} and {@code Quantity} → their apimachinery
 * definitions, {@code List<T>} → array, {@code Map<String, T>} → object with {@code additionalProperties},
 * {@code Object} → object with {@code x-kubernetes-preserve-unknown-fields}, a model class → a reference. A property
 * that references a definition wraps the reference in {@code allOf} so that its description survives (siblings of
 * {@code $ref} are ignored in OpenAPI 3.0), as upstream does.
 */
final class ModelSchemas {

    static final String REF = "#/components/schemas/";

    /** Fields the client types {@code OffsetDateTime} that are {@code metav1.MicroTime} upstream. */
    static final Set<String> MICRO_TIME = Set.of("CoreV1Event.eventTime", "CoreV1EventSeries.lastObservedTime",
            "EventsV1Event.eventTime", "EventsV1EventSeries.lastObservedTime", "V1LeaseSpec.acquireTime",
            "V1LeaseSpec.renewTime");

    private final DefinitionNames names;
    private final JsonNodeFactory f = JsonNodeFactory.instance;
    private final Map<String, ObjectNode> schemas = new TreeMap<>();

    ModelSchemas(DefinitionNames names) {
        this.names = names;
        schemas.putAll(HandWrittenSchemas.all());
    }

    /** Defines the schema of {@code type} and every model it reaches; returns its definition name. */
    String define(Class<?> type) {
        String name = names.name(type);
        if (!schemas.containsKey(name)) {
            ObjectNode s = f.objectNode();
            schemas.put(name, s);
            fill(s, type);
        }
        return name;
    }

    /** Adds an {@code x-kubernetes-group-version-kind} entry to a defined schema. */
    void markKind(String definition, String group, String version, String kind) {
        ObjectNode s = schemas.get(definition);
        var arr = s.has(Extensions.GVK) ? (tools.jackson.databind.node.ArrayNode) s.get(Extensions.GVK)
                : s.putArray(Extensions.GVK);
        ObjectNode gvk = f.objectNode().put("group", group).put("kind", kind).put("version", version);
        for (var existing : arr) {
            if (existing.equals(gvk)) {
                return;
            }
        }
        arr.add(gvk);
    }

    /** Every schema defined so far, by definition name (sorted). */
    Map<String, ObjectNode> schemas() {
        return schemas;
    }

    private void fill(ObjectNode s, Class<?> type) {
        String description = ClientModels.description(type);
        if (!description.isEmpty()) {
            s.put("description", description);
        }
        s.put("type", "object");
        var props = ClientModels.properties(type);
        if (props.stream().anyMatch(ClientModels.Property::required)) {
            var req = s.putArray("required");
            props.stream().filter(ClientModels.Property::required).forEach(p -> req.add(p.name()));
        }
        ObjectNode out = s.putObject("properties");
        for (ClientModels.Property p : props) {
            boolean micro = MICRO_TIME.contains(type.getSimpleName() + "." + p.javaName());
            out.set(p.name(), property(p, micro));
        }
    }

    private ObjectNode property(ClientModels.Property p, boolean microTime) {
        ObjectNode t = typeSchema(p.type(), microTime);
        ObjectNode out = f.objectNode();
        if (!p.description().isEmpty()) {
            out.put("description", p.description());
        }
        if (t.has("$ref")) {
            out.putArray("allOf").add(t);
        } else {
            out.setAll(t);
        }
        return out;
    }

    private ObjectNode typeSchema(Type type, boolean microTime) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (java.util.List.class.isAssignableFrom(raw)) {
                ObjectNode a = f.objectNode().put("type", "array");
                a.set("items", typeSchema(args[0], false));
                return a;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode m = f.objectNode().put("type", "object");
                m.set("additionalProperties", typeSchema(args[1], false));
                return m;
            }
            throw new IllegalArgumentException("unsupported generic type " + type);
        }
        return classSchema((Class<?>) type, microTime);
    }

    private ObjectNode classSchema(Class<?> c, boolean microTime) {
        if (c == String.class) {
            return f.objectNode().put("type", "string");
        }
        if (c == Integer.class || c == Long.class) {
            return f.objectNode().put("type", "integer").put("format", c == Integer.class ? "int32" : "int64");
        }
        if (c == Double.class || c == Float.class) {
            return f.objectNode().put("type", "number").put("format", c == Double.class ? "double" : "float");
        }
        if (c == BigDecimal.class) {
            return f.objectNode().put("type", "number");
        }
        if (c == Boolean.class) {
            return f.objectNode().put("type", "boolean");
        }
        if (c == byte[].class) {
            return f.objectNode().put("type", "string").put("format", "byte");
        }
        if (c == Object.class) {
            return f.objectNode().put("type", "object").put(Extensions.PRESERVE_UNKNOWN_FIELDS, true);
        }
        if (c == OffsetDateTime.class) {
            return ref(microTime ? HandWrittenSchemas.MICRO_TIME : HandWrittenSchemas.TIME);
        }
        if (c == IntOrString.class) {
            return ref(HandWrittenSchemas.INT_OR_STRING);
        }
        if (c == Quantity.class) {
            return ref(HandWrittenSchemas.QUANTITY);
        }
        if (ClientModels.isModel(c)) {
            return ref(define(c));
        }
        throw new IllegalArgumentException("unsupported model field type " + c.getName());
    }

    ObjectNode ref(String definition) {
        return f.objectNode().put("$ref", REF + definition);
    }
}
