package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** core/v1 ReplicationController validation; its selector is an equality map and may change on update. */
public final class ReplicationControllerValidation {

    private static final FieldPath SPEC = FieldPath.root("spec");

    private ReplicationControllerValidation() {
    }

    /** Create validation ({@code ValidateReplicationController}). */
    public static List<FieldError> validate(ReplicationController rc) {
        ReplicationController r = rc == null ? new ReplicationController() : rc;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(r.getMetadata(), true,
                NameRule.DNS1123_SUBDOMAIN, "ReplicationController"));
        errs.addAll(spec(r.getSpec()));
        return errs;
    }

    /** Update validation ({@code ValidateReplicationControllerUpdate}). */
    public static List<FieldError> validateUpdate(ReplicationController newRc, ReplicationController oldRc) {
        ReplicationController n = newRc == null ? new ReplicationController() : newRc;
        ReplicationController o = oldRc == null ? new ReplicationController() : oldRc;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(n.getMetadata(),
                o.getMetadata(), "ReplicationController"));
        errs.addAll(spec(n.getSpec()));
        return errs;
    }

    private static List<FieldError> spec(ReplicationControllerSpec specOrNull) {
        ReplicationControllerSpec s = specOrNull == null ? new ReplicationControllerSpec() : specOrNull;
        Map<String, String> selector = s.getSelector() == null ? Map.of() : s.getSelector();
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(ProbeValidation.nonNegative(WorkloadTemplates.num(s.getMinReadySeconds()),
                SPEC.child("minReadySeconds")));
        if (selector.isEmpty()) {
            errs.add(FieldError.required(SPEC.child("selector").toString(), ""));
        }
        errs.addAll(ProbeValidation.nonNegative(WorkloadTemplates.num(s.getReplicas()), SPEC.child("replicas")));
        errs.addAll(template(s.getTemplate(), selector, SPEC.child("template")));
        return errs;
    }

    /** {@code ValidatePodTemplateSpecForRC}. */
    private static List<FieldError> template(PodTemplateSpec template, Map<String, String> selector, FieldPath path) {
        if (template == null) {
            return List.of(FieldError.required(path.toString(), ""));
        }
        List<FieldError> errs = new ArrayList<>();
        Map<String, String> labels = WorkloadTemplates.labels(template);
        if (!selector.isEmpty() && !matches(selector, labels)) {
            errs.add(FieldError.invalid(path.child("metadata", "labels").toString(), labels,
                    WorkloadTemplates.SELECTOR_MISMATCH));
        }
        errs.addAll(WorkloadTemplates.templateForController(template, "ReplicationController", path));
        return errs;
    }

    private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        Map<String, String> set = labels == null ? Map.of() : labels;
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!set.containsKey(e.getKey()) || !String.valueOf(e.getValue()).equals(set.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
