package io.kubesim.registry.validation;

/**
 * An immutable field path rendered like apimachinery's {@code field.Path}: children joined with {@code .},
 * indexes and map keys in brackets ({@code spec.containers[0].resources.limits[cpu]}).
 */
public final class FieldPath {

    private final String text;

    private FieldPath(String text) {
        this.text = text;
    }

    /** A root path, e.g. {@code root("spec")}; {@code root("")} renders as the empty string. */
    public static FieldPath root(String name) {
        return new FieldPath(name);
    }

    /** Appends one or more named children. */
    public FieldPath child(String... names) {
        StringBuilder b = new StringBuilder(text);
        for (String name : names) {
            if (!b.isEmpty() && !name.isEmpty()) {
                b.append('.');
            }
            b.append(name);
        }
        return new FieldPath(b.toString());
    }

    /** Appends a list index, e.g. {@code [0]}. */
    public FieldPath index(int i) {
        return new FieldPath(text + "[" + i + "]");
    }

    /** Appends a map key, unquoted as Go does, e.g. {@code [cpu]}. */
    public FieldPath key(String key) {
        return new FieldPath(text + "[" + key + "]");
    }

    @Override
    public String toString() {
        return text;
    }
}
