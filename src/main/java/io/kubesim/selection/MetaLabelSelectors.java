package io.kubesim.selection;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Conversions from {@code metav1.LabelSelector} and label maps ({@code metav1/helpers.go}, {@code labels}). */
final class MetaLabelSelectors {

    private MetaLabelSelectors() {
    }

    static LabelSelector fromMap(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return LabelSelector.everything();
        }
        List<Requirement> requirements = new ArrayList<>(labels.size());
        labels.forEach((k, v) -> requirements.add(new Requirement.Exact(k, Operator.EQUALS, v == null ? "" : v)));
        return RequirementSelector.of(requirements);
    }

    static LabelSelector fromLabelSelector(io.fabric8.kubernetes.api.model.LabelSelector selector)
            throws SelectorParseException {
        if (selector == null) {
            return LabelSelector.nothing();
        }
        Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        List<LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        if (matchLabels.isEmpty() && expressions.isEmpty()) {
            return LabelSelector.everything();
        }
        List<Requirement> requirements = new ArrayList<>();
        // Go iterates the map in random order; sorting makes the reported error deterministic.
        TreeMap<String, String> sorted = new TreeMap<>(GoText.BYTE_ORDER);
        matchLabels.forEach((k, v) -> sorted.put(k == null ? "" : k, v == null ? "" : v));
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            requirements.add(RequirementFactory.create(e.getKey(), Operator.EQUALS, List.of(e.getValue())));
        }
        for (LabelSelectorRequirement expr : expressions) {
            requirements.add(fromExpression(expr));
        }
        return RequirementSelector.of(requirements);
    }

    private static Requirement fromExpression(LabelSelectorRequirement expr) throws SelectorParseException {
        String operator = expr.getOperator() == null ? "" : expr.getOperator();
        Operator op = switch (operator) {
            case "In" -> Operator.IN;
            case "NotIn" -> Operator.NOT_IN;
            case "Exists" -> Operator.EXISTS;
            case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
            default -> throw new SelectorParseException(
                    GoText.quote(operator) + " is not a valid pod selector operator");
        };
        List<String> values = new ArrayList<>();
        if (expr.getValues() != null) {
            expr.getValues().forEach(v -> values.add(v == null ? "" : v));
        }
        return RequirementFactory.create(expr.getKey() == null ? "" : expr.getKey(), op, values);
    }

    static String format(io.fabric8.kubernetes.api.model.LabelSelector selector) {
        String text;
        try {
            text = fromLabelSelector(selector).toString();
        } catch (SelectorParseException e) {
            return "<error>";
        }
        return text.isEmpty() ? "<none>" : text;
    }
}
