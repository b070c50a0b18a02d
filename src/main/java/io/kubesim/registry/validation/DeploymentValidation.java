package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import java.util.ArrayList;
import java.util.List;

/** apps/v1 Deployment validation ({@code ValidateDeployment}, {@code ValidateDeploymentUpdate} + strategy). */
public final class DeploymentValidation {

    private static final FieldPath SPEC = FieldPath.root("spec");

    private DeploymentValidation() {
    }

    /** Create validation. */
    public static List<FieldError> validate(Deployment deployment) {
        Deployment d = deployment == null ? new Deployment() : deployment;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(d.getMetadata(), true,
                NameRule.DNS1123_SUBDOMAIN, "Deployment"));
        errs.addAll(spec(d.getSpec()));
        return errs;
    }

    /** Update validation, including the apps/v1 immutable selector. */
    public static List<FieldError> validateUpdate(Deployment newDeployment, Deployment oldDeployment) {
        Deployment n = newDeployment == null ? new Deployment() : newDeployment;
        Deployment o = oldDeployment == null ? new Deployment() : oldDeployment;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(n.getMetadata(),
                o.getMetadata(), "Deployment"));
        errs.addAll(spec(n.getSpec()));
        errs.addAll(WorkloadTemplates.selectorImmutable(specOf(n).getSelector(), specOf(o).getSelector()));
        return errs;
    }

    private static List<FieldError> spec(DeploymentSpec specOrNull) {
        DeploymentSpec s = specOrNull == null ? new DeploymentSpec() : specOrNull;
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(ProbeValidation.nonNegative(WorkloadTemplates.num(s.getReplicas()), SPEC.child("replicas")));
        errs.addAll(WorkloadTemplates.selectorAndTemplate(s.getSelector(), s.getTemplate(), "ReplicaSet", SPEC));
        errs.addAll(strategy(s.getStrategy(), SPEC.child("strategy")));
        long minReady = WorkloadTemplates.num(s.getMinReadySeconds());
        errs.addAll(ProbeValidation.nonNegative(minReady, SPEC.child("minReadySeconds")));
        if (s.getRevisionHistoryLimit() != null) {
            errs.addAll(ProbeValidation.nonNegative(s.getRevisionHistoryLimit(), SPEC.child("revisionHistoryLimit")));
        }
        if (s.getProgressDeadlineSeconds() != null) {
            long pds = s.getProgressDeadlineSeconds();
            errs.addAll(ProbeValidation.nonNegative(pds, SPEC.child("progressDeadlineSeconds")));
            if (pds <= minReady) {
                errs.add(FieldError.invalid(SPEC.child("progressDeadlineSeconds").toString(), pds,
                        "must be greater than minReadySeconds"));
            }
        }
        return errs;
    }

    /** {@code ValidateDeploymentStrategy}. */
    private static List<FieldError> strategy(DeploymentStrategy strategyOrNull, FieldPath path) {
        DeploymentStrategy s = strategyOrNull == null ? new DeploymentStrategy() : strategyOrNull;
        String type = s.getType() == null ? "" : s.getType();
        switch (type) {
            case "Recreate" -> {
                return s.getRollingUpdate() == null ? List.of() : List.of(FieldError.forbidden(
                        path.child("rollingUpdate").toString(), "may not be specified when strategy `type` is 'Recreate'"));
            }
            case "RollingUpdate" -> {
                return s.getRollingUpdate() == null ? List.of(FieldError.required(path.child("rollingUpdate").toString(),
                        "this should be defaulted and never be nil"))
                        : rollingUpdate(s.getRollingUpdate(), path.child("rollingUpdate"));
            }
            default -> {
                return List.of(FieldError.notSupported(path.toString(), strategyValue(s),
                        List.of("Recreate", "RollingUpdate")));
            }
        }
    }

    /** {@code ValidateRollingUpdateDeployment}. */
    private static List<FieldError> rollingUpdate(RollingUpdateDeployment ru, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(positiveIntOrPercent(ru.getMaxUnavailable(), path.child("maxUnavailable")));
        errs.addAll(positiveIntOrPercent(ru.getMaxSurge(), path.child("maxSurge")));
        if (intOrPercent(ru.getMaxUnavailable()) == 0 && intOrPercent(ru.getMaxSurge()) == 0) {
            errs.add(FieldError.invalid(path.child("maxUnavailable").toString(),
                    WorkloadTemplates.intOrStringValue(ru.getMaxUnavailable()), "may not be 0 when `maxSurge` is 0"));
        }
        Integer percent = percent(ru.getMaxUnavailable());
        if (percent != null && percent > 100) {
            errs.add(FieldError.invalid(path.child("maxUnavailable").toString(),
                    WorkloadTemplates.intOrStringValue(ru.getMaxUnavailable()), "must not be greater than 100%"));
        }
        return errs;
    }

    /** {@code ValidatePositiveIntOrPercent}. */
    private static List<FieldError> positiveIntOrPercent(IntOrString v, FieldPath path) {
        if (v != null && v.getStrVal() != null) {
            List<FieldError> errs = new ArrayList<>();
            for (String msg : Formats.isValidPercent(v.getStrVal())) {
                errs.add(FieldError.invalid(path.toString(), v.getStrVal(), msg));
            }
            return errs;
        }
        return ProbeValidation.nonNegative(((Integer) WorkloadTemplates.intOrStringValue(v)).longValue(), path);
    }

    private static Integer percent(IntOrString v) {
        if (v == null || v.getStrVal() == null || !Formats.isValidPercent(v.getStrVal()).isEmpty()) {
            return null;
        }
        String digits = v.getStrVal().substring(0, v.getStrVal().length() - 1);
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code getIntOrPercentValue}: a percent's number, else {@code IntValue()} (Atoi of a string, 0 on error). */
    private static int intOrPercent(IntOrString v) {
        Integer p = percent(v);
        if (p != null) {
            return p;
        }
        if (v != null && v.getStrVal() != null) {
            try {
                return Integer.parseInt(v.getStrVal());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return (Integer) WorkloadTemplates.intOrStringValue(v);
    }

    /** The internal {@code apps.DeploymentStrategy} as Go's JSON encoder renders it (no json tags). */
    private static Object strategyValue(DeploymentStrategy s) {
        RollingUpdateDeployment ru = s.getRollingUpdate();
        Object rolling = ru == null ? null : GoFormat.struct("MaxUnavailable",
                WorkloadTemplates.intOrStringValue(ru.getMaxUnavailable()), "MaxSurge",
                WorkloadTemplates.intOrStringValue(ru.getMaxSurge()));
        return GoFormat.struct("Type", GoFormat.named(s.getType()), "RollingUpdate", rolling);
    }

    private static DeploymentSpec specOf(Deployment d) {
        return d.getSpec() == null ? new DeploymentSpec() : d.getSpec();
    }
}
