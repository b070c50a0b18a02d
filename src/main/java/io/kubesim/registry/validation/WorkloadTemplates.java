package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Pod-template and selector rules shared by ReplicaSet, Deployment and ReplicationController validation. */
final class WorkloadTemplates {

    static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";

    private WorkloadTemplates() {
    }

    /**
     * The selector part of {@code ValidateReplicaSetSpec}/{@code ValidateDeploymentSpec} followed by
     * {@code ValidatePodTemplateSpecForReplicaSet}.
     */
    static List<FieldError> selectorAndTemplate(LabelSelector selector, PodTemplateSpec template, String kindName,
            FieldPath spec) {
        List<FieldError> errs = new ArrayList<>();
        if (selector == null) {
            errs.add(FieldError.required(spec.child("selector").toString(), ""));
        } else {
            errs.addAll(LabelValidation.validateSelector(selector, spec.child("selector")));
            if (LabelValidation.isEmpty(selector)) {
                errs.add(FieldError.invalid(spec.child("selector").toString(), LabelValidation.selectorValue(selector),
                        "empty selector is invalid for deployment"));
            }
        }
        if (!LabelValidation.convertible(selector)) {
            errs.add(FieldError.invalid(spec.child("selector").toString(), LabelValidation.selectorValue(selector),
                    "invalid label selector"));
            return errs;
        }
        PodTemplateSpec t = template == null ? new PodTemplateSpec() : template;
        boolean emptySelector = LabelValidation.isEmpty(selector);
        if (!emptySelector && !LabelValidation.matches(selector, labels(t))) {
            errs.add(FieldError.invalid(spec.child("template", "metadata", "labels").toString(), labels(t),
                    SELECTOR_MISMATCH));
        }
        errs.addAll(templateForController(t, kindName, spec.child("template")));
        return errs;
    }

    /** Template checks after the selector match: the pod template, restartPolicy Always, no activeDeadlineSeconds. */
    static List<FieldError> templateForController(PodTemplateSpec t, String kindName, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(PodValidation.validatePodTemplateSpec(t, path.toString()));
        PodSpec spec = t.getSpec() == null ? new PodSpec() : t.getSpec();
        if (!"Always".equals(spec.getRestartPolicy())) {
            errs.add(FieldError.notSupported(path.child("spec", "restartPolicy").toString(),
                    GoFormat.named(spec.getRestartPolicy()), List.of("Always")));
        }
        if (spec.getActiveDeadlineSeconds() != null) {
            errs.add(FieldError.forbidden(path.child("spec", "activeDeadlineSeconds").toString(),
                    "activeDeadlineSeconds in " + kindName + " is not Supported"));
        }
        return errs;
    }

    /** The template's labels, {@code null} when absent (Go renders a nil map as {@code null}). */
    static Map<String, String> labels(PodTemplateSpec t) {
        ObjectMeta meta = t.getMetadata();
        return meta == null ? null : meta.getLabels();
    }

    /** {@code apps/v1} selector immutability ({@code ValidateImmutableField} in the strategies). */
    static List<FieldError> selectorImmutable(LabelSelector newSel, LabelSelector oldSel) {
        if (sameSelector(newSel, oldSel)) {
            return List.of();
        }
        return List.of(FieldError.invalid(FieldPath.root("spec").child("selector").toString(),
                LabelValidation.selectorValue(newSel), "field is immutable"));
    }

    private static boolean sameSelector(LabelSelector a, LabelSelector b) {
        if (a == null || b == null) {
            return a == b;
        }
        return emptyMap(a.getMatchLabels()).equals(emptyMap(b.getMatchLabels()))
                && requirements(a).equals(requirements(b));
    }

    private static List<List<Object>> requirements(LabelSelector s) {
        List<List<Object>> out = new ArrayList<>();
        for (LabelSelectorRequirement r : s.getMatchExpressions() == null ? List.<LabelSelectorRequirement>of()
                : s.getMatchExpressions()) {
            LabelSelectorRequirement x = r == null ? new LabelSelectorRequirement() : r;
            out.add(List.of(Objects.toString(x.getKey(), ""), Objects.toString(x.getOperator(), ""),
                    x.getValues() == null ? List.of() : x.getValues()));
        }
        return out;
    }

    private static Map<String, String> emptyMap(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }

    /** An {@code intstr.IntOrString} as Go's JSON encoder renders it; {@code null} is the zero value {@code 0}. */
    static Object intOrStringValue(IntOrString v) {
        if (v != null && v.getStrVal() != null) {
            return v.getStrVal();
        }
        return v == null || v.getIntVal() == null ? 0 : v.getIntVal();
    }

    static long num(Integer v) {
        return v == null ? 0 : v;
    }
}
