package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.Namespace;
import io.kubesim.selection.LabelRules;
import java.util.ArrayList;
import java.util.List;

/** core/v1 Namespace validation ({@code ValidateNamespace}, {@code ValidateNamespaceUpdate}). */
public final class NamespaceValidation {

    private NamespaceValidation() {
    }

    /** Create validation: a DNS-1123 label name, cluster-scoped, valid {@code spec.finalizers}. */
    public static List<FieldError> validate(Namespace namespace) {
        Namespace ns = namespace == null ? new Namespace() : namespace;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(ns.getMetadata(), false,
                NameRule.DNS1123_LABEL, "Namespace"));
        List<String> finalizers = ns.getSpec() == null || ns.getSpec().getFinalizers() == null ? List.of()
                : ns.getSpec().getFinalizers();
        FieldPath path = FieldPath.root("spec").child("finalizers");
        for (String f : finalizers) {
            String name = f == null ? "" : f;
            for (String msg : LabelRules.isQualifiedName(name)) {
                errs.add(FieldError.invalid(path.toString(), name, msg));
            }
            errs.addAll(ObjectMetaValidation.kubeFinalizerName(name, path));
        }
        return errs;
    }

    /** Update validation: only the metadata rules ({@code spec.finalizers} changes go through /finalize). */
    public static List<FieldError> validateUpdate(Namespace newNamespace, Namespace oldNamespace) {
        return ObjectMetaValidation.validateUpdate(newNamespace == null ? null : newNamespace.getMetadata(),
                oldNamespace == null ? null : oldNamespace.getMetadata(), "Namespace");
    }
}
