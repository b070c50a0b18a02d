package io.kubesim.registry.validation;

import java.util.Collection;

/**
 * One validation failure on one field, rendered exactly like apimachinery's {@code field.Error}.
 *
 * @param type     the kind of failure (decides the cause reason and the message prefix)
 * @param field    the field path, e.g. {@code spec.containers[0].image}
 * @param badValue the offending value, or {@link #OMIT} to print no value
 * @param detail   an optional explanation appended after {@code ": "}
 */
public record FieldError(Type type, String field, Object badValue, String detail) {

    /** Marker for "do not print a value" (Go's {@code omitValue}). */
    public static final Object OMIT = new Object() {
        @Override
        public String toString() {
            return "<omitted>";
        }
    };

    /** The error types of apimachinery's field package, with their cause reason and message prefix. */
    public enum Type {
        NOT_FOUND("FieldValueNotFound", "Not found"),
        REQUIRED("FieldValueRequired", "Required value"),
        DUPLICATE("FieldValueDuplicate", "Duplicate value"),
        INVALID("FieldValueInvalid", "Invalid value"),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
        FORBIDDEN("FieldValueForbidden", "Forbidden"),
        TOO_LONG("FieldValueTooLong", "Too long"),
        TOO_MANY("FieldValueTooMany", "Too many"),
        INTERNAL("InternalError", "Internal error"),
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value");

        private final String reason;
        private final String text;

        Type(String reason, String text) {
            this.reason = reason;
            this.text = text;
        }

        /** The {@code StatusCause.reason} for this type. */
        public String reason() {
            return reason;
        }

        /** The human prefix, e.g. {@code Required value}. */
        public String text() {
            return text;
        }
    }

    /** Go's {@code field.Required}: the value is never printed. */
    public static FieldError required(String field, String detail) {
        return new FieldError(Type.REQUIRED, field, "", detail);
    }

    /** Go's {@code field.Invalid}. */
    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(Type.INVALID, field, value, detail);
    }

    /** Go's {@code field.Forbidden}: the value is never printed. */
    public static FieldError forbidden(String field, String detail) {
        return new FieldError(Type.FORBIDDEN, field, "", detail);
    }

    /** Go's {@code field.Duplicate}. */
    public static FieldError duplicate(String field, Object value) {
        return new FieldError(Type.DUPLICATE, field, value, "");
    }

    /** Go's {@code field.NotFound}. */
    public static FieldError notFound(String field, Object value) {
        return new FieldError(Type.NOT_FOUND, field, value, "");
    }

    /** Go's {@code field.TooLong}: the value is never printed; {@code max < 0} gives "value is too long". */
    public static FieldError tooLong(String field, Object value, long max) {
        String detail = max < 0 ? "value is too long"
                : "may not be more than " + max + (max == 1 ? " byte" : " bytes");
        return new FieldError(Type.TOO_LONG, field, "<value omitted>", detail);
    }

    /** Go's {@code field.TooMany}: a negative {@code actual} omits the value, a negative {@code max} the limit. */
    public static FieldError tooMany(String field, long actual, long max) {
        String detail = max < 0 ? "has too many items"
                : "must have at most " + max + (max == 1 ? " item" : " items");
        return new FieldError(Type.TOO_MANY, field, actual < 0 ? OMIT : actual, detail);
    }

    /** Go's {@code field.InternalError}. */
    public static FieldError internal(String field, String detail) {
        return new FieldError(Type.INTERNAL, field, null, detail);
    }

    /** A copy of this error with another detail (Go code that assigns {@code err.Detail}). */
    public FieldError withDetail(String newDetail) {
        return new FieldError(type, field, badValue, newDetail);
    }

    /** An unsupported value with the list of supported ones, rendered as Go does ({@code "A", "B"}). */
    public static FieldError notSupported(String field, Object value, Collection<String> supported) {
        StringBuilder detail = new StringBuilder();
        if (supported != null && !supported.isEmpty()) {
            detail.append("supported values: ");
            boolean first = true;
            for (String s : supported) {
                if (!first) {
                    detail.append(", ");
                }
                detail.append(GoFormat.quote(s));
                first = false;
            }
        }
        return new FieldError(Type.NOT_SUPPORTED, field, value, detail.toString());
    }

    /** The message after the field, e.g. {@code Invalid value: "x": must be ...} (Go's {@code ErrorBody}). */
    public String body() {
        StringBuilder s = new StringBuilder(type.text());
        boolean printValue = switch (type) {
            case REQUIRED, FORBIDDEN, TOO_LONG, INTERNAL -> false;
            default -> badValue != OMIT;
        };
        if (printValue) {
            s.append(": ").append(renderValue(badValue));
        }
        if (detail != null && !detail.isEmpty()) {
            s.append(": ").append(detail);
        }
        return s.toString();
    }

    /** {@code field: body}, as Go's {@code Error()}. */
    @Override
    public String toString() {
        return field + ": " + body();
    }

    /**
     * Renders a bad value as Go's {@code ErrorBody} does: Go {@code string} with {@code %q}, integers, floats
     * and bools bare, everything else (named string types, pointers, structs, maps, slices) as Go JSON.
     */
    static String renderValue(Object value) {
        if (value instanceof String s) {
            return GoFormat.quote(s);
        }
        if (value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Number n) {
            return GoFormat.number(n);
        }
        return GoFormat.json(value);
    }
}
