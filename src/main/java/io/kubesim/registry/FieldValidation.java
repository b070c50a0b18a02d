package io.kubesim.registry;

/** The {@code fieldValidation} directive: what to do with unknown and duplicate fields. */
public enum FieldValidation {
    STRICT, WARN, IGNORE;

    /** Parses the query value; null or empty means the server default, Warn. */
    public static FieldValidation parse(String value) {
        if (value == null || value.isEmpty()) {
            return WARN;
        }
        return switch (value) {
            case "Strict" -> STRICT;
            case "Warn" -> WARN;
            case "Ignore" -> IGNORE;
            default -> throw ApiException.with(StatusReason.INVALID, "fieldValidation: Unsupported value: "
                    + io.kubesim.registry.validation.GoFormat.quote(value)
                    + ": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"").build();
        };
    }
}
