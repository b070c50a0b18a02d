package io.kubesim.patch.apply;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An apply request the field manager refuses before any merging: a wrong type or version in the body, managedFields
 * in the body, a missing or mismatched name (400 {@code BadRequest}), a missing fieldManager (422 {@code Invalid}),
 * or a configuration that does not fit the kind's schema (500, as upstream reports typed-conversion failures).
 */
public final class ApplyRequestException extends RuntimeException {

    private final int code;
    private final String reason;

    ApplyRequestException(int code, String reason, String message) {
        super(message);
        this.code = code;
        this.reason = reason;
    }

    static ApplyRequestException badRequest(String message) {
        return new ApplyRequestException(400, "BadRequest", message);
    }

    static ApplyRequestException invalid(String message) {
        return new ApplyRequestException(422, "Invalid", message);
    }

    static ApplyRequestException internal(String message) {
        return new ApplyRequestException(500, "InternalError", message);
    }

    /** The HTTP status code. */
    public int code() {
        return code;
    }

    /** The Status {@code reason}. */
    public String reason() {
        return reason;
    }

    /** A {@code Status} object for this error (no details). */
    public ObjectNode toStatus() {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", getMessage());
        status.put("reason", reason);
        status.put("code", code);
        return status;
    }
}
