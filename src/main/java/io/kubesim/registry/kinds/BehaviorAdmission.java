package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.kubesim.behavior.BehaviorParser;
import io.kubesim.behavior.PodBehavior;
import io.kubesim.registry.validation.FieldError;

import java.util.ArrayList;
import java.util.List;

/** Validates the {@code kubesim.io/behavior} annotation on pods and pod templates (422 with one cause per problem). */
final class BehaviorAdmission {

    private BehaviorAdmission() {
    }

    static List<FieldError> validate(ObjectMeta meta, String metadataPath) {
        if (meta == null || meta.getAnnotations() == null) {
            return List.of();
        }
        String text = meta.getAnnotations().get(PodBehavior.ANNOTATION);
        if (text == null) {
            return List.of();
        }
        BehaviorParser.Result r = BehaviorParser.parse(text);
        List<FieldError> errors = new ArrayList<>();
        String field = metadataPath + ".annotations[" + PodBehavior.ANNOTATION + "]";
        for (BehaviorParser.Problem p : r.problems()) {
            String where = p.path().isEmpty() ? "" : p.path() + ": ";
            errors.add(FieldError.invalid(field, FieldError.OMIT, where + p.message()));
        }
        return errors;
    }

    static List<FieldError> template(PodTemplateSpec template) {
        return template == null ? List.of() : validate(template.getMetadata(), "spec.template.metadata");
    }

    static List<FieldError> plus(List<FieldError> base, List<FieldError> more) {
        if (more.isEmpty()) {
            return base;
        }
        List<FieldError> all = new ArrayList<>(base);
        all.addAll(more);
        return all;
    }
}
