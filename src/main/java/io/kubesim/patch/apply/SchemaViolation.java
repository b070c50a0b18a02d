package io.kubesim.patch.apply;

/**
 * A value that does not fit its apply schema (an associative-list item without its key, duplicate keys in an applied
 * configuration, a map inside a set), reported as structured-merge-diff's validation errors are:
 * {@code <path>: <message>}.
 */
final class SchemaViolation extends RuntimeException {

    private final String path;
    private final String detail;

    SchemaViolation(String path, String detail) {
        super(path.isEmpty() ? detail : path + ": " + detail);
        this.path = path;
        this.detail = detail;
    }

    static SchemaViolation at(FieldPath path, String detail) {
        return new SchemaViolation(path.toString(), detail);
    }

    String path() {
        return path;
    }

    String detail() {
        return detail;
    }
}
