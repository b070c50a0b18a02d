package io.kubesim.registry;

import io.kubesim.selection.FieldSelector;
import io.kubesim.selection.LabelSelector;
import io.kubesim.selection.SelectionPredicate;
import io.kubesim.selection.SelectorParseException;

/** Parses a request's label and field selectors against a kind's selectable fields (400 on any error). */
final class Selections {

    private Selections() {
    }

    static SelectionPredicate parse(ResourceStrategy<?> strategy, String labelSelector, String fieldSelector) {
        LabelSelector labels;
        FieldSelector fields;
        try {
            labels = labelSelector == null || labelSelector.isBlank() ? LabelSelector.everything()
                    : LabelSelector.parse(labelSelector);
        } catch (SelectorParseException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        try {
            fields = fieldSelector == null || fieldSelector.isBlank() ? FieldSelector.everything()
                    : FieldSelector.parse(fieldSelector);
        } catch (SelectorParseException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        for (io.kubesim.selection.FieldRequirement r : fields.requirements()) {
            checkField(strategy, r.field());
        }
        if (labels.isEmpty() && fields.isEmpty()) {
            return SelectionPredicate.everything();
        }
        return new SelectionPredicate(labels, fields);
    }

    private static void checkField(ResourceStrategy<?> strategy, String field) {
        var custom = strategy.selectableFields();
        boolean namespaced = strategy.type().namespaced();
        if (field.equals("metadata.name")) {
            return;
        }
        if (custom.isEmpty()) {
            if (field.equals("metadata.namespace")) {
                return;
            }
            throw ApiException.badRequest(io.kubesim.registry.validation.GoFormat.quote(field)
                    + " is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
        }
        if ((field.equals("metadata.namespace") && namespaced) || custom.containsKey(field)) {
            return;
        }
        throw ApiException.badRequest("field label not supported: " + field);
    }
}
