package io.kubesim.patch.apply;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test helper: JSON text (single quotes allowed) to trees, and small accessors. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private Json() {
    }

    static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    static ObjectNode obj(String text) {
        return (ObjectNode) json(text);
    }

    /** A deep copy of an object node. */
    static ObjectNode copy(JsonNode node) {
        return (ObjectNode) node.deepCopy();
    }

    /** The managedFields entry of {@code manager} with {@code operation} (and optional subresource), or null. */
    static JsonNode entry(JsonNode object, String manager, String operation) {
        for (JsonNode e : object.path("metadata").path("managedFields")) {
            if (manager.equals(e.path("manager").asString()) && operation.equals(e.path("operation").asString())) {
                return e;
            }
        }
        return null;
    }

    static JsonNode entry(JsonNode object, String manager, String operation, String subresource) {
        for (JsonNode e : object.path("metadata").path("managedFields")) {
            if (manager.equals(e.path("manager").asString()) && operation.equals(e.path("operation").asString())
                    && subresource.equals(e.path("subresource").asString(""))) {
                return e;
            }
        }
        return null;
    }

    static String fieldsV1(JsonNode object, String manager, String operation) {
        JsonNode e = entry(object, manager, operation);
        return e == null ? null : e.get("fieldsV1").toString();
    }
}
