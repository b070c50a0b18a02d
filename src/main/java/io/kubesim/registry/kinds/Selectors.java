package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.kubesim.selection.SelectorParseException;

import java.util.Map;

/** Selector strings for {@code Scale.status.selector}. */
final class Selectors {

    private Selectors() {
    }

    static String render(LabelSelector selector) {
        try {
            return io.kubesim.selection.LabelSelector.fromLabelSelector(selector).toString();
        } catch (SelectorParseException e) {
            return "";
        }
    }

    static String render(Map<String, String> selector) {
        return io.kubesim.selection.LabelSelector.fromMap(selector == null ? Map.of() : selector).toString();
    }
}
