package io.kubesim.patch.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * A path from the object root to a field, list item or map entry, as structured-merge-diff's {@code fieldpath.Path}.
 * Its {@link #toString()} is the upstream display form used in conflict messages, for example {@code .spec.replicas}
 * or {@code .spec.template.spec.containers[name="nginx"].image}.
 */
public record FieldPath(List<PathElement> elements) {

    /** The empty path (the object root). */
    public static final FieldPath ROOT = new FieldPath(List.of());

    public FieldPath {
        elements = List.copyOf(elements);
    }

    /**
     * A path from steps: each {@link String} is a field name, each {@link PathElement} is taken as is. For example
     * {@code FieldPath.of("spec", "containers", PathElement.key("name", "nginx"), "image")}.
     */
    public static FieldPath of(Object... steps) {
        List<PathElement> list = new ArrayList<>();
        for (Object step : steps) {
            list.add(step instanceof PathElement pe ? pe : PathElement.field((String) step));
        }
        return new FieldPath(list);
    }

    /** This path followed by {@code element}. */
    public FieldPath append(PathElement element) {
        List<PathElement> list = new ArrayList<>(elements);
        list.add(element);
        return new FieldPath(list);
    }

    /** True for the root. */
    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /** The upstream display form. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        elements.forEach(pe -> sb.append(pe.display()));
        return sb.toString();
    }
}
