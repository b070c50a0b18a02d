package io.kubesim.registry;

import tools.jackson.databind.JsonNode;

/** A request body: raw JSON bytes, or a tree (from YAML or protobuf). Exactly one is set. */
public record RequestBody(byte[] json, JsonNode tree) {

    public static RequestBody json(byte[] bytes) {
        return new RequestBody(bytes, null);
    }

    public static RequestBody tree(JsonNode tree) {
        return new RequestBody(null, tree);
    }

    Object source() {
        return json != null ? json : tree;
    }
}
