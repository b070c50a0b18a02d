package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import java.util.ArrayList;
import java.util.List;

/** apps/v1 ReplicaSet validation ({@code ValidateReplicaSet}, {@code ValidateReplicaSetUpdate} + strategy). */
public final class ReplicaSetValidation {

    private static final FieldPath SPEC = FieldPath.root("spec");

    private ReplicaSetValidation() {
    }

    /** Create validation. */
    public static List<FieldError> validate(ReplicaSet rs) {
        ReplicaSet r = rs == null ? new ReplicaSet() : rs;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(r.getMetadata(), true,
                NameRule.DNS1123_SUBDOMAIN, "ReplicaSet"));
        errs.addAll(spec(r.getSpec()));
        return errs;
    }

    /** Update validation, including the apps/v1 immutable selector. */
    public static List<FieldError> validateUpdate(ReplicaSet newRs, ReplicaSet oldRs) {
        ReplicaSet n = newRs == null ? new ReplicaSet() : newRs;
        ReplicaSet o = oldRs == null ? new ReplicaSet() : oldRs;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(meta(n.getMetadata()),
                meta(o.getMetadata()), "ReplicaSet"));
        errs.addAll(spec(n.getSpec()));
        errs.addAll(WorkloadTemplates.selectorImmutable(specOf(n).getSelector(), specOf(o).getSelector()));
        return errs;
    }

    private static List<FieldError> spec(ReplicaSetSpec specOrNull) {
        ReplicaSetSpec s = specOrNull == null ? new ReplicaSetSpec() : specOrNull;
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(ProbeValidation.nonNegative(WorkloadTemplates.num(s.getReplicas()), SPEC.child("replicas")));
        errs.addAll(ProbeValidation.nonNegative(WorkloadTemplates.num(s.getMinReadySeconds()),
                SPEC.child("minReadySeconds")));
        errs.addAll(WorkloadTemplates.selectorAndTemplate(s.getSelector(), s.getTemplate(), "ReplicaSet", SPEC));
        return errs;
    }

    private static ReplicaSetSpec specOf(ReplicaSet r) {
        return r.getSpec() == null ? new ReplicaSetSpec() : r.getSpec();
    }

    private static ObjectMeta meta(ObjectMeta m) {
        return m == null ? new ObjectMeta() : m;
    }
}
