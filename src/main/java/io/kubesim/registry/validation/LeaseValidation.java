package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.kubesim.selection.LabelRules;
import java.util.ArrayList;
import java.util.List;

/** coordination.k8s.io/v1 Lease validation ({@code ValidateLease}, {@code ValidateLeaseUpdate}). */
public final class LeaseValidation {

    private static final FieldPath SPEC = FieldPath.root("spec");

    private LeaseValidation() {
    }

    /** Create validation (generic metadata rules: no standard-finalizer check for this group). */
    public static List<FieldError> validate(Lease lease) {
        Lease l = lease == null ? new Lease() : lease;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(l.getMetadata(), true,
                NameRule.DNS1123_SUBDOMAIN, "Lease"));
        errs.addAll(spec(l.getSpec()));
        return errs;
    }

    /** Update validation. */
    public static List<FieldError> validateUpdate(Lease newLease, Lease oldLease) {
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(
                newLease == null ? null : newLease.getMetadata(), oldLease == null ? null : oldLease.getMetadata()));
        errs.addAll(spec(newLease == null ? null : newLease.getSpec()));
        return errs;
    }

    private static List<FieldError> spec(LeaseSpec specOrNull) {
        LeaseSpec s = specOrNull == null ? new LeaseSpec() : specOrNull;
        List<FieldError> errs = new ArrayList<>();
        if (s.getLeaseDurationSeconds() != null && s.getLeaseDurationSeconds() <= 0) {
            errs.add(FieldError.invalid(SPEC.child("leaseDurationSeconds").toString(), s.getLeaseDurationSeconds(),
                    "must be greater than 0"));
        }
        if (s.getLeaseTransitions() != null && s.getLeaseTransitions() < 0) {
            errs.add(FieldError.invalid(SPEC.child("leaseTransitions").toString(), s.getLeaseTransitions(),
                    "must be greater than or equal to 0"));
        }
        if (s.getStrategy() != null) {
            errs.addAll(strategy(s.getStrategy(), SPEC.child("strategy")));
        }
        boolean noStrategy = s.getStrategy() == null || s.getStrategy().isEmpty();
        if (s.getPreferredHolder() != null && !s.getPreferredHolder().isEmpty() && noStrategy) {
            errs.add(FieldError.forbidden(SPEC.child("preferredHolder").toString(),
                    "may only be specified if `strategy` is defined"));
        }
        return errs;
    }

    /** {@code ValidateCoordinatedLeaseStrategy}; upstream appends {@code strategy} twice to the path. */
    private static List<FieldError> strategy(String strategy, FieldPath path) {
        FieldPath p = path.child("strategy");
        if (!strategy.contains("/")) {
            return strategy.equals("OldestEmulationVersion") ? List.of()
                    : List.of(FieldError.notSupported(p.toString(), GoFormat.named(strategy),
                            List.of("OldestEmulationVersion")));
        }
        List<FieldError> errs = new ArrayList<>();
        for (String msg : LabelRules.isQualifiedName(strategy)) {
            errs.add(FieldError.invalid(p.toString(), GoFormat.named(strategy), msg));
        }
        return errs;
    }
}
