package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.kubesim.selection.LabelRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Label, label-selector and qualified-name checks of apimachinery's {@code meta/v1/validation}. Go iterates maps
 * in random order; these methods use sorted key order so the output is deterministic.
 */
public final class LabelValidation {

    private LabelValidation() {
    }

    /** {@code ValidateLabels}: every key and value, all errors reported at {@code path} itself. */
    public static List<FieldError> validateLabels(Map<String, String> labels, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (labels == null) {
            return errs;
        }
        for (Map.Entry<String, String> e : new TreeMap<>(nonNullKeys(labels)).entrySet()) {
            errs.addAll(validateLabelName(e.getKey(), path));
            String value = e.getValue() == null ? "" : e.getValue();
            for (String msg : LabelRules.validateLabelValue(value)) {
                errs.add(FieldError.invalid(path.toString(), value, msg));
            }
        }
        return errs;
    }

    /** {@code ValidateLabelName}: a qualified name. */
    public static List<FieldError> validateLabelName(String name, FieldPath path) {
        return qualifiedName(name, path);
    }

    /** {@code ValidateQualifiedName} of core validation. */
    public static List<FieldError> qualifiedName(String value, FieldPath path) {
        String v = value == null ? "" : value;
        List<FieldError> errs = new ArrayList<>();
        for (String msg : LabelRules.isQualifiedName(v)) {
            errs.add(FieldError.invalid(path.toString(), v, msg));
        }
        return errs;
    }

    /** {@code ValidateDNS1123Label} of core validation. */
    public static List<FieldError> dns1123Label(String value, FieldPath path) {
        String v = value == null ? "" : value;
        List<FieldError> errs = new ArrayList<>();
        for (String msg : LabelRules.isDNS1123Label(v)) {
            errs.add(FieldError.invalid(path.toString(), v, msg));
        }
        return errs;
    }

    /** {@code ValidateDNS1123Subdomain} of core validation. */
    public static List<FieldError> dns1123Subdomain(String value, FieldPath path) {
        String v = value == null ? "" : value;
        List<FieldError> errs = new ArrayList<>();
        for (String msg : LabelRules.isDNS1123Subdomain(v)) {
            errs.add(FieldError.invalid(path.toString(), v, msg));
        }
        return errs;
    }

    /** {@code ValidateLabelSelector} with strict label values. */
    public static List<FieldError> validateSelector(LabelSelector selector, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (selector == null) {
            return errs;
        }
        errs.addAll(validateLabels(selector.getMatchLabels(), path.child("matchLabels")));
        List<LabelSelectorRequirement> exprs = selector.getMatchExpressions();
        for (int i = 0; exprs != null && i < exprs.size(); i++) {
            errs.addAll(validateRequirement(exprs.get(i), path.child("matchExpressions").index(i)));
        }
        return errs;
    }

    private static List<FieldError> validateRequirement(LabelSelectorRequirement r, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (r == null) {
            r = new LabelSelectorRequirement();
        }
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String op = r.getOperator() == null ? "" : r.getOperator();
        switch (op) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    errs.add(FieldError.required(path.child("values").toString(),
                            "must be specified when `operator` is 'In' or 'NotIn'"));
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    errs.add(FieldError.forbidden(path.child("values").toString(),
                            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                }
            }
            default -> errs.add(FieldError.invalid(path.child("operator").toString(), GoFormat.named(op),
                    "not a valid selector operator"));
        }
        errs.addAll(validateLabelName(r.getKey(), path.child("key")));
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i);
            for (String msg : LabelRules.validateLabelValue(v)) {
                errs.add(FieldError.invalid(path.child("values").index(i).toString(), v, msg));
            }
        }
        return errs;
    }

    /** Whether {@code LabelSelectorAsSelector} would succeed (nil selectors convert to "nothing"). */
    public static boolean convertible(LabelSelector selector) {
        return validateSelector(selector, FieldPath.root("")).isEmpty();
    }

    /**
     * Whether the converted selector matches the labels: a {@code null} selector is Go's {@code labels.Nothing()}
     * (matches nothing), an empty one matches everything.
     */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> set = labels == null ? Map.of() : labels;
        Map<String, String> ml = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        for (Map.Entry<String, String> e : ml.entrySet()) {
            if (!set.containsKey(e.getKey()) || !String.valueOf(e.getValue()).equals(set.get(e.getKey()))) {
                return false;
            }
        }
        List<LabelSelectorRequirement> exprs = selector.getMatchExpressions();
        for (int i = 0; exprs != null && i < exprs.size(); i++) {
            if (!matches(exprs.get(i), set)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> set) {
        boolean has = set.containsKey(r.getKey());
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        return switch (String.valueOf(r.getOperator())) {
            case "In" -> has && values.contains(set.get(r.getKey()));
            case "NotIn" -> !has || !values.contains(set.get(r.getKey()));
            case "Exists" -> has;
            case "DoesNotExist" -> !has;
            default -> false;
        };
    }

    /** True when the selector has neither matchLabels nor matchExpressions. */
    public static boolean isEmpty(LabelSelector selector) {
        return selector != null && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    /** A {@code *metav1.LabelSelector} as Go's JSON encoder renders it (omitempty fields, {@code null} for nil). */
    public static Object selectorValue(LabelSelector selector) {
        if (selector == null) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty()) {
            fields.put("matchLabels", selector.getMatchLabels());
        }
        List<LabelSelectorRequirement> exprs = selector.getMatchExpressions();
        if (exprs != null && !exprs.isEmpty()) {
            List<Object> list = new ArrayList<>();
            for (LabelSelectorRequirement r : exprs) {
                list.add(requirementValue(r));
            }
            fields.put("matchExpressions", list);
        }
        return new GoFormat.Struct(fields);
    }

    private static Object requirementValue(LabelSelectorRequirement r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("key", r == null || r.getKey() == null ? "" : r.getKey());
        fields.put("operator", r == null || r.getOperator() == null ? "" : r.getOperator());
        if (r != null && r.getValues() != null && !r.getValues().isEmpty()) {
            fields.put("values", r.getValues());
        }
        return new GoFormat.Struct(fields);
    }

    /** Copies a map dropping a {@code null} key (which JSON cannot carry anyway). */
    static Map<String, String> nonNullKeys(Map<String, String> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
