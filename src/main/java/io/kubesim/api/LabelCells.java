package io.kubesim.api;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.kubesim.selection.LabelSelector;
import io.kubesim.selection.SelectorParseException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Label maps and label selectors as the printers show them ({@code labels.FormatLabels}, {@code metav1}). */
final class LabelCells {

    /** Go's {@code sort.Strings} order: UTF-8 byte order, which is Unicode code point order. */
    static final Comparator<String> GO_ORDER = LabelCells::compareCodePoints;

    private LabelCells() {
    }

    /**
     * {@code labels.FormatLabels}: the {@code key=value} pairs sorted (as whole strings, like {@code Set.String})
     * and comma-joined; {@code <none>} for an empty or missing map.
     */
    static String formatLabels(JsonNode map) {
        List<String> pairs = new ArrayList<>();
        if (map != null && map.isObject()) {
            map.properties().forEach(e -> pairs.add(e.getKey() + "=" + Cells.text(e.getValue())));
        }
        pairs.sort(GO_ORDER);
        return Cells.orNone(String.join(",", pairs));
    }

    /**
     * {@code metav1.FormatLabelSelector}: the canonical selector string, {@code <none>} when that is empty (also
     * for a missing selector) and {@code <error>} when the selector is invalid.
     */
    static String formatLabelSelector(JsonNode selector) {
        return LabelSelector.format(toModel(selector));
    }

    /**
     * {@code LabelSelectorAsSelector(s).String()} as {@code printDeployment} uses it: {@code ""} for a missing
     * or empty selector and {@code <invalid>} when the selector is invalid.
     */
    static String selectorString(JsonNode selector) {
        try {
            return LabelSelector.fromLabelSelector(toModel(selector)).toString();
        } catch (SelectorParseException e) {
            return "<invalid>";
        }
    }

    private static io.fabric8.kubernetes.api.model.LabelSelector toModel(JsonNode selector) {
        if (!Cells.present(selector)) {
            return null;
        }
        io.fabric8.kubernetes.api.model.LabelSelector model = new io.fabric8.kubernetes.api.model.LabelSelector();
        JsonNode matchLabels = selector.path("matchLabels");
        if (matchLabels.isObject()) {
            Map<String, String> labels = new LinkedHashMap<>();
            matchLabels.properties().forEach(e -> labels.put(e.getKey(), Cells.text(e.getValue())));
            model.setMatchLabels(labels);
        }
        List<LabelSelectorRequirement> expressions = new ArrayList<>();
        for (JsonNode e : Cells.items(selector.path("matchExpressions"))) {
            List<String> values = new ArrayList<>();
            Cells.items(e.path("values")).forEach(v -> values.add(Cells.text(v)));
            expressions.add(new LabelSelectorRequirement(Cells.text(e.path("key")),
                    Cells.text(e.path("operator")), values));
        }
        model.setMatchExpressions(expressions);
        return model;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
