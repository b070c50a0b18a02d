package io.kubesim.registry.validation;

/**
 * An immutable field path rendered like apimachinery's {@code field.Path}: children joined with {@code .},
 * indexes and map keys in brackets ({@code spec.containers[0].resources.limits[cpu]}). Like upstream's, a path is a
 * chain of parent links rendered only when asked for: validating a valid object builds many paths and renders none.
 */
public final class FieldPath {

    private static final byte ROOT = 0;
    private static final byte CHILD = 1;
    private static final byte INDEX = 2;
    private static final byte KEY = 3;

    private final FieldPath parent;
    private final byte kind;
    private final String name;
    private final int index;
    /** The rendered text, computed once on first use (a benign race: every thread computes the same string). */
    private String text;

    private FieldPath(FieldPath parent, byte kind, String name, int index) {
        this.parent = parent;
        this.kind = kind;
        this.name = name;
        this.index = index;
    }

    /** A root path, e.g. {@code root("spec")}; {@code root("")} renders as the empty string. */
    public static FieldPath root(String name) {
        return new FieldPath(null, ROOT, name, 0);
    }

    /** Appends one or more named children. */
    public FieldPath child(String... names) {
        FieldPath p = this;
        for (String name : names) {
            p = new FieldPath(p, CHILD, name, 0);
        }
        return p;
    }

    /** Appends a list index, e.g. {@code [0]}. */
    public FieldPath index(int i) {
        return new FieldPath(this, INDEX, null, i);
    }

    /** Appends a map key, unquoted as Go does, e.g. {@code [cpu]}. */
    public FieldPath key(String key) {
        return new FieldPath(this, KEY, key, 0);
    }

    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            StringBuilder b = new StringBuilder();
            render(b);
            t = b.toString();
            text = t;
        }
        return t;
    }

    private void render(StringBuilder b) {
        if (parent != null) {
            if (parent.text != null) {
                b.append(parent.text);
            } else {
                parent.render(b);
            }
        }
        switch (kind) {
            case CHILD -> {
                if (!b.isEmpty() && !name.isEmpty()) {
                    b.append('.');
                }
                b.append(name);
            }
            case INDEX -> b.append('[').append(index).append(']');
            case KEY -> b.append('[').append(name).append(']');
            default -> b.append(name);
        }
    }
}
