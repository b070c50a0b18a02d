package io.kubesim.registry;

/** The {@code metav1.StatusReason} values kubesim answers with, each with its HTTP code. */
public enum StatusReason {
    BAD_REQUEST("BadRequest", 400),
    UNAUTHORIZED("Unauthorized", 401),
    FORBIDDEN("Forbidden", 403),
    NOT_FOUND("NotFound", 404),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
    NOT_ACCEPTABLE("NotAcceptable", 406),
    ALREADY_EXISTS("AlreadyExists", 409),
    CONFLICT("Conflict", 409),
    GONE("Gone", 410),
    EXPIRED("Expired", 410),
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415),
    INVALID("Invalid", 422),
    TOO_MANY_REQUESTS("TooManyRequests", 429),
    INTERNAL_ERROR("InternalError", 500),
    UNKNOWN("", 500),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503),
    TIMEOUT("Timeout", 504),
    SERVER_TIMEOUT("ServerTimeout", 500);

    private final String wire;
    private final int code;

    StatusReason(String wire, int code) {
        this.wire = wire;
        this.code = code;
    }

    /** The reason string on the wire ({@code NotFound}); empty for {@link #UNKNOWN}. */
    public String wire() {
        return wire;
    }

    /** The HTTP status code. */
    public int code() {
        return code;
    }
}
