package io.kubesim.api;

import io.kubesim.registry.ApiException;
import io.kubesim.registry.ResourceType;
import tools.jackson.databind.JsonNode;

/** Decodes {@code application/vnd.kubernetes.protobuf} request bodies into JSON trees. */
class ProtobufBodies {

    JsonNode decode(byte[] body, ResourceType type) {
        throw ApiException.unsupportedMediaType(RequestBodies.UNKNOWN_FORMAT);
    }
}
