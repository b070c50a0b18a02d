package io.kubesim.registry;

import io.kubesim.registry.validation.FieldError;
import io.kubesim.registry.validation.GoFormat;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A failed API request, carrying everything a {@code v1 Status} needs. The factories reproduce the
 * messages of apimachinery's {@code errors.go} bit for bit, because clients match on them.
 */
public final class ApiException extends RuntimeException {

    /** One {@code details.causes[]} entry. */
    public record Cause(String reason, String message, String field) {
    }

    private final StatusReason reason;
    private final int code;
    private final String name;
    private final String group;
    private final String kind;
    private final String uid;
    private final List<Cause> causes;
    private final int retryAfterSeconds;
    private final String continueToken;

    private ApiException(Builder b) {
        super(b.message, null, false, false);
        this.reason = b.reason;
        this.code = b.code;
        this.name = b.name;
        this.group = b.group;
        this.kind = b.kind;
        this.uid = b.uid;
        this.causes = b.causes == null ? List.of() : List.copyOf(b.causes);
        this.retryAfterSeconds = b.retryAfterSeconds;
        this.continueToken = b.continueToken;
    }

    public StatusReason reason() {
        return reason;
    }

    public int code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String group() {
        return group;
    }

    public String kind() {
        return kind;
    }

    public String uid() {
        return uid;
    }

    public List<Cause> causes() {
        return causes;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A fresh continue token carried in {@code Status.metadata.continue} (expired list continuations). */
    public String continueToken() {
        return continueToken;
    }

    /** Whether the Status has a {@code details} object. */
    public boolean hasDetails() {
        return name != null || group != null || kind != null || uid != null || !causes.isEmpty() || retryAfterSeconds > 0;
    }

    static Builder builder(StatusReason reason, String message) {
        return new Builder(reason, message);
    }

    /** Qualified resource, e.g. {@code pods} or {@code deployments.apps}. */
    public static String qualified(String resource, String group) {
        return group == null || group.isEmpty() ? resource : resource + "." + group;
    }

    public static ApiException notFound(String group, String resource, String name) {
        return builder(StatusReason.NOT_FOUND, qualified(resource, group) + " " + GoFormat.quote(name) + " not found")
                .details(name, group, resource).build();
    }

    public static ApiException alreadyExists(String group, String resource, String name) {
        return builder(StatusReason.ALREADY_EXISTS, qualified(resource, group) + " " + GoFormat.quote(name) + " already exists")
                .details(name, group, resource).build();
    }

    public static ApiException alreadyExistsTerminating(String group, String resource, String name) {
        return builder(StatusReason.ALREADY_EXISTS, "object is being deleted: " + qualified(resource, group) + " "
                + GoFormat.quote(name) + " already exists").details(name, group, resource).build();
    }

    public static ApiException generateNameConflict(String group, String resource, String name) {
        return builder(StatusReason.ALREADY_EXISTS, qualified(resource, group) + " " + GoFormat.quote(name)
                + " already exists, the server was not able to generate a unique name for the object")
                .details(name, group, resource).retryAfter(1).build();
    }

    /** Conflict with an explanation: {@code Operation cannot be fulfilled on <res> "<n>": <why>}. */
    public static ApiException conflict(String group, String resource, String name, String why) {
        return builder(StatusReason.CONFLICT, "Operation cannot be fulfilled on " + qualified(resource, group) + " "
                + GoFormat.quote(name) + ": " + why).details(name, group, resource).build();
    }

    /** The stale-resourceVersion conflict. */
    public static ApiException modified(String group, String resource, String name) {
        return conflict(group, resource, name,
                "the object has been modified; please apply your changes to the latest version and try again");
    }

    /** 422 Invalid: {@code <Kind.group> "<name>" is invalid: <errors>}. */
    public static ApiException invalid(String group, String kind, String name, List<FieldError> errors) {
        String aggregate = errors.size() == 1 ? errors.get(0).toString()
                : errors.stream().map(FieldError::toString).collect(Collectors.joining(", ", "[", "]"));
        String qualifiedKind = group == null || group.isEmpty() ? kind : kind + "." + group;
        List<Cause> causes = errors.stream().map(e -> new Cause(e.type().reason(), e.body(), e.field())).toList();
        return builder(StatusReason.INVALID, qualifiedKind + " " + GoFormat.quote(name == null ? "" : name) + " is invalid: " + aggregate)
                .details(name == null ? "" : name, group, kind).causes(causes).build();
    }

    /** 404 for paths that name no resource: {@code the server could not find the requested resource}. */
    public static ApiException notFound404() {
        return builder(StatusReason.NOT_FOUND, "the server could not find the requested resource").build();
    }

    public static ApiException badRequest(String message) {
        return builder(StatusReason.BAD_REQUEST, message).build();
    }

    /** A 403 that names no object (for example a refused handshake). */
    public static ApiException forbidden(String message) {
        return builder(StatusReason.FORBIDDEN, message).build();
    }

    public static ApiException forbidden(String group, String resource, String name, String why) {
        return builder(StatusReason.FORBIDDEN, qualified(resource, group) + " " + GoFormat.quote(name) + " is forbidden: " + why)
                .details(name, group, resource).build();
    }

    public static ApiException methodNotAllowed(String message) {
        return builder(StatusReason.METHOD_NOT_ALLOWED, message).build();
    }

    public static ApiException notAcceptable(String message) {
        return builder(StatusReason.NOT_ACCEPTABLE, message).build();
    }

    public static ApiException unsupportedMediaType(String message) {
        return builder(StatusReason.UNSUPPORTED_MEDIA_TYPE, message).build();
    }

    public static ApiException tooLarge(String message) {
        return builder(StatusReason.REQUEST_ENTITY_TOO_LARGE, message).build();
    }

    public static ApiException expired(String message) {
        return builder(StatusReason.EXPIRED, message).build();
    }

    public static ApiException expiredContinue(String message, String freshToken) {
        return builder(StatusReason.EXPIRED, message).continueToken(freshToken).build();
    }

    public static ApiException timeout(String message, int retryAfter) {
        return builder(StatusReason.TIMEOUT, message).retryAfter(retryAfter).build();
    }

    public static ApiException tooManyRequests(String message, int retryAfter) {
        return builder(StatusReason.TOO_MANY_REQUESTS, message).retryAfter(retryAfter).build();
    }

    public static ApiException internal(String message) {
        return builder(StatusReason.INTERNAL_ERROR, "Internal error occurred: " + message)
                .causes(List.of(new Cause("", message, ""))).build();
    }

    /** A 500 with an empty reason and the raw message (what the apiserver does for non-Status errors). */
    public static ApiException unknown(String message) {
        return builder(StatusReason.UNKNOWN, message).build();
    }

    public static ApiException serviceUnavailable(String message) {
        return builder(StatusReason.SERVICE_UNAVAILABLE, message).build();
    }

    /** Options validation, e.g. {@code DeleteOptions.meta.k8s.io "" is invalid: ...}. */
    public static ApiException invalidOptions(String optionsKind, List<FieldError> errors) {
        return invalid("meta.k8s.io", optionsKind, "", errors);
    }

    /** Builder for the rare shapes the factories do not cover. */
    public static final class Builder {
        private final StatusReason reason;
        private final String message;
        private int code;
        private String name;
        private String group;
        private String kind;
        private String uid;
        private List<Cause> causes;
        private int retryAfterSeconds;
        private String continueToken;

        Builder(StatusReason reason, String message) {
            this.reason = reason;
            this.message = message;
            this.code = reason.code();
        }

        public Builder details(String name, String group, String kind) {
            this.name = name;
            this.group = group == null || group.isEmpty() ? null : group;
            this.kind = kind;
            return this;
        }

        public Builder uid(String uid) {
            this.uid = uid;
            return this;
        }

        public Builder causes(List<Cause> causes) {
            this.causes = causes;
            return this;
        }

        public Builder retryAfter(int seconds) {
            this.retryAfterSeconds = seconds;
            return this;
        }

        public Builder code(int code) {
            this.code = code;
            return this;
        }

        public Builder continueToken(String token) {
            this.continueToken = token;
            return this;
        }

        public ApiException build() {
            return new ApiException(this);
        }
    }

    public static Builder with(StatusReason reason, String message) {
        return builder(reason, message);
    }
}
