package io.kubesim.api.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Walks a decoded message by its descriptor and writes the JSON that Go's {@code encoding/json} writes for the
 * same Go struct: empty strings and bytes are dropped (Go treats "" as unset; the few pointer strings whose ""
 * means something are listed in {@link GoJsonRules}), numbers and booleans are kept unless listed there too,
 * present messages become objects (even empty ones, as Go writes non-pointer structs), repeated fields arrays,
 * map entries objects, and the types with a JSON form of their own go through {@link SpecialTypes}.
 */
final class MessageWalker {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Function<ByteString, JsonNode> embedded;

    /** @param embedded reads the bytes of a {@code RawExtension} (JSON, or a nested protobuf envelope) */
    MessageWalker(Function<ByteString, JsonNode> embedded) {
        this.embedded = embedded;
    }

    /** The JSON object of a message that is not one of the special types. */
    ObjectNode object(Message m) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
            member(out, e.getKey(), e.getValue());
        }
        return out;
    }

    /** The JSON of any message: its special form, or an object. Null means "leave the member out". */
    JsonNode message(Message m) {
        return SpecialTypes.handles(m.getDescriptorForType()) ? SpecialTypes.convert(m, this) : object(m);
    }

    /** The JSON of raw bytes holding an embedded object. */
    JsonNode embedded(ByteString raw) {
        return embedded.apply(raw);
    }

    /** The elements of a repeated field, each converted as an element (empty strings and zeros kept). */
    ArrayNode array(FieldDescriptor f, List<?> values) {
        ArrayNode out = NODES.arrayNode(values.size());
        for (Object v : values) {
            out.add(element(f, v));
        }
        return out;
    }

    private void member(ObjectNode out, FieldDescriptor f, Object v) {
        String name = GoJsonRules.jsonName(f);
        if (f.isMapField()) {
            out.set(name, map((List<?>) v));
        } else if (f.isRepeated()) {
            out.set(name, array(f, (List<?>) v));
        } else if (GoJsonRules.inlined(f)) {
            out.setAll(object((Message) v));
        } else {
            JsonNode n = single(f, v);
            if (n != null) {
                out.set(name, n);
            }
        }
    }

    /** A singular member: empty strings and bytes dropped, listed zeros dropped, everything else kept. */
    private JsonNode single(FieldDescriptor f, Object v) {
        return switch (f.getJavaType()) {
            case STRING -> ((String) v).isEmpty() && !GoJsonRules.keepsEmpty(f) ? null : NODES.stringNode((String) v);
            case BYTE_STRING -> ((ByteString) v).isEmpty() ? null : element(f, v);
            case BOOLEAN -> !(Boolean) v && GoJsonRules.omitsZero(f) ? null : element(f, v);
            case INT, LONG -> ((Number) v).longValue() == 0 && GoJsonRules.omitsZero(f) ? null : element(f, v);
            case MESSAGE -> message((Message) v);
            default -> element(f, v);
        };
    }

    /** A value as such, in an array, a map or a member. */
    private JsonNode element(FieldDescriptor f, Object v) {
        return switch (f.getJavaType()) {
            case STRING -> NODES.stringNode((String) v);
            case BYTE_STRING -> NODES.stringNode(Base64.getEncoder().encodeToString(((ByteString) v).toByteArray()));
            case BOOLEAN -> NODES.booleanNode((Boolean) v);
            case INT -> NODES.numberNode((Integer) v);
            case LONG -> NODES.numberNode((Long) v);
            case FLOAT -> NODES.numberNode((Float) v);
            case DOUBLE -> NODES.numberNode((Double) v);
            case ENUM -> NODES.stringNode(v.toString());
            case MESSAGE -> orNull(message((Message) v));
        };
    }

    private static JsonNode orNull(JsonNode n) {
        return n == null ? NODES.nullNode() : n;
    }

    /** Proto map entries ({@code key}, {@code value}) as one JSON object; empty values are kept. */
    private ObjectNode map(List<?> entries) {
        ObjectNode out = NODES.objectNode();
        for (Object o : entries) {
            Message entry = (Message) o;
            FieldDescriptor key = entry.getDescriptorForType().findFieldByName("key");
            FieldDescriptor value = entry.getDescriptorForType().findFieldByName("value");
            out.set(String.valueOf(entry.getField(key)), element(value, entry.getField(value)));
        }
        return out;
    }
}
