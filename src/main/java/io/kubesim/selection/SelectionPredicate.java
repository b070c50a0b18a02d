package io.kubesim.selection;

import java.util.Map;
import java.util.function.Function;

/**
 * A label selector and a field selector that an object must both satisfy ({@code storage.SelectionPredicate}).
 *
 * @param label the label selector; null means everything
 * @param field the field selector; null means everything
 */
public record SelectionPredicate(LabelSelector label, FieldSelector field) {

    private static final SelectionPredicate EVERYTHING =
            new SelectionPredicate(LabelSelector.everything(), FieldSelector.everything());

    /** Replaces null selectors by "everything". */
    public SelectionPredicate {
        label = label == null ? LabelSelector.everything() : label;
        field = field == null ? FieldSelector.everything() : field;
    }

    /** The predicate that accepts every object. */
    public static SelectionPredicate everything() {
        return EVERYTHING;
    }

    /** True when neither selector restricts anything. */
    public boolean isEverything() {
        return label.isEmpty() && field.isEmpty();
    }

    /**
     * Whether the object matches both selectors.
     *
     * @param labels the object's labels (null = none)
     * @param fields the object's selectable field values (null result = {@code ""})
     */
    public boolean matches(Map<String, String> labels, Function<String, String> fields) {
        return label.matches(labels) && field.matches(fields);
    }
}
