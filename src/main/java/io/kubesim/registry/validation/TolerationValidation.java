package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kubesim.selection.LabelRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tolerations ({@code ValidateTolerations}), node taints ({@code validateNodeTaints}) and taint effects. */
public final class TolerationValidation {

    private static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    private TolerationValidation() {
    }

    /** {@code ValidateTolerations} at {@code path} (e.g. {@code spec.tolerations}). */
    public static List<FieldError> validateTolerations(List<Toleration> tolerations, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; tolerations != null && i < tolerations.size(); i++) {
            errs.addAll(toleration(tolerations.get(i) == null ? new Toleration() : tolerations.get(i), path.index(i)));
        }
        return errs;
    }

    private static List<FieldError> toleration(Toleration t, FieldPath idx) {
        List<FieldError> errs = new ArrayList<>();
        String key = str(t.getKey());
        String op = str(t.getOperator());
        String effect = str(t.getEffect());
        String value = str(t.getValue());
        if (!key.isEmpty()) {
            errs.addAll(LabelValidation.validateLabelName(key, idx.child("key")));
        }
        if (key.isEmpty() && !op.equals("Exists")) {
            errs.add(FieldError.invalid(idx.child("operator").toString(), GoFormat.named(op),
                    "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
        }
        if (t.getTolerationSeconds() != null && !effect.equals("NoExecute")) {
            errs.add(FieldError.invalid(idx.child("effect").toString(), GoFormat.named(effect),
                    "effect must be 'NoExecute' when `tolerationSeconds` is set"));
        }
        errs.addAll(operatorAndValue(op, value, idx.child("operator")));
        if (!effect.isEmpty()) {
            errs.addAll(taintEffect(effect, true, idx.child("effect")));
        }
        return errs;
    }

    private static List<FieldError> operatorAndValue(String op, String value, FieldPath path) {
        switch (op) {
            case "Equal", "" -> {
                List<String> msgs = LabelRules.validateLabelValue(value);
                return msgs.isEmpty() ? List.of()
                        : List.of(FieldError.invalid(path.toString(), value, String.join(";", msgs)));
            }
            case "Exists" -> {
                return value.isEmpty() ? List.of() : List.of(FieldError.invalid(path.toString(), value,
                        "value must be empty when `operator` is 'Exists'"));
            }
            default -> {
                return List.of(FieldError.notSupported(path.toString(), GoFormat.named(op), List.of("Equal", "Exists")));
            }
        }
    }

    /** {@code validateTaintEffect}. */
    static List<FieldError> taintEffect(String effect, boolean allowEmpty, FieldPath path) {
        String e = str(effect);
        if (!allowEmpty && e.isEmpty()) {
            return List.of(FieldError.required(path.toString(), ""));
        }
        if (!EFFECTS.contains(e)) {
            return List.of(FieldError.notSupported(path.toString(), GoFormat.named(e), EFFECTS));
        }
        return List.of();
    }

    /** {@code validateOnlyAddedTolerations}: existing ones may only change their tolerationSeconds. */
    static List<FieldError> onlyAdded(List<Toleration> newList, List<Toleration> oldList, FieldPath path) {
        List<Toleration> news = newList == null ? List.of() : newList;
        for (Toleration old : oldList == null ? List.<Toleration>of() : oldList) {
            boolean found = false;
            for (Toleration n : news) {
                if (sameExceptSeconds(old, n)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return List.of(FieldError.forbidden(path.toString(),
                        "existing toleration can not be modified except its tolerationSeconds"));
            }
        }
        return validateTolerations(news, path);
    }

    private static boolean sameExceptSeconds(Toleration a, Toleration b) {
        Toleration x = a == null ? new Toleration() : a;
        Toleration y = b == null ? new Toleration() : b;
        return str(x.getKey()).equals(str(y.getKey())) && str(x.getOperator()).equals(str(y.getOperator()))
                && str(x.getValue()).equals(str(y.getValue())) && str(x.getEffect()).equals(str(y.getEffect()));
    }

    /** {@code validateNodeTaints}; taints must be unique by key and effect. */
    static List<FieldError> nodeTaints(List<Taint> taints, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Map<String, Set<String>> unique = new HashMap<>();
        for (int i = 0; taints != null && i < taints.size(); i++) {
            Taint t = taints.get(i) == null ? new Taint() : taints.get(i);
            FieldPath idx = path.index(i);
            errs.addAll(LabelValidation.validateLabelName(str(t.getKey()), idx.child("key")));
            List<String> msgs = LabelRules.validateLabelValue(str(t.getValue()));
            if (!msgs.isEmpty()) {
                errs.add(FieldError.invalid(idx.child("value").toString(), str(t.getValue()), String.join(";", msgs)));
            }
            errs.addAll(taintEffect(t.getEffect(), false, idx.child("effect")));
            Set<String> keys = unique.computeIfAbsent(str(t.getEffect()), k -> new HashSet<>());
            if (!keys.add(str(t.getKey()))) {
                errs.add(FieldError.duplicate(idx.toString(), taintValue(t))
                        .withDetail("taints must be unique by key and effect pair"));
            }
        }
        return errs;
    }

    /** The internal {@code core.Taint} as Go's JSON encoder renders it (no json tags on internal types). */
    private static Object taintValue(Taint t) {
        return GoFormat.struct("Key", str(t.getKey()), "Value", str(t.getValue()), "Effect", str(t.getEffect()),
                "TimeAdded", t.getTimeAdded());
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
