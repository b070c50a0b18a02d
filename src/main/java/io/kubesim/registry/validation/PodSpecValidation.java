package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodSchedulingGate;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code ValidatePodSpec} of core validation, for pods ({@code resourceIsPod}) and pod templates. */
final class PodSpecValidation {

    private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
    private static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default",
            "None");
    private static final long MAX_INT32 = Integer.MAX_VALUE;

    private PodSpecValidation() {
    }

    static List<FieldError> validate(PodSpec specOrNull, FieldPath path, boolean resourceIsPod) {
        PodSpec spec = specOrNull == null ? new PodSpec() : specOrNull;
        List<FieldError> errs = new ArrayList<>();
        if (spec.getTerminationGracePeriodSeconds() == null) {
            errs.add(FieldError.required(path.child("terminationGracePeriodSeconds").toString(), ""));
        }
        VolumeValidation.Result vols = VolumeValidation.validateVolumes(spec.getVolumes(), path.child("volumes"));
        errs.addAll(vols.errors());
        ContainerValidation.Context ctx = new ContainerValidation.Context(vols.valid(), claimNames(spec),
                spec.getTerminationGracePeriodSeconds());
        errs.addAll(ContainerValidation.containers(spec.getContainers(), ctx, path.child("containers")));
        errs.addAll(ContainerValidation.initContainers(spec.getInitContainers(), spec.getContainers(), ctx,
                path.child("initContainers")));
        errs.addAll(hostNetworkPorts(spec, path, resourceIsPod));
        errs.addAll(ContainerValidation.enumValue(spec.getRestartPolicy(), RESTART_POLICIES,
                path.child("restartPolicy")));
        errs.addAll(ContainerValidation.enumValue(spec.getDnsPolicy(), DNS_POLICIES, path.child("dnsPolicy")));
        errs.addAll(LabelValidation.validateLabels(spec.getNodeSelector(), path.child("nodeSelector")));
        errs.addAll(dnsConfig(spec, path.child("dnsConfig")));
        errs.addAll(gates(spec, path));
        errs.addAll(names(spec, path));
        errs.addAll(scalars(spec, path));
        return errs;
    }

    private static Set<String> claimNames(PodSpec spec) {
        Set<String> names = new TreeSet<>();
        for (PodResourceClaim c : spec.getResourceClaims() == null ? List.<PodResourceClaim>of()
                : spec.getResourceClaims()) {
            if (c != null && c.getName() != null && !c.getName().isEmpty()) {
                names.add(c.getName());
            }
        }
        return names;
    }

    /** {@code validatePodHostNetworkDeps}: with hostNetwork, hostPort must equal containerPort. */
    private static List<FieldError> hostNetworkPorts(PodSpec spec, FieldPath path, boolean resourceIsPod) {
        List<FieldError> errs = new ArrayList<>();
        if (!Boolean.TRUE.equals(spec.getHostNetwork()) || spec.getContainers() == null) {
            return errs;
        }
        for (int i = 0; i < spec.getContainers().size(); i++) {
            List<ContainerPort> ports = ContainerValidation.orEmpty(spec.getContainers().get(i)).getPorts();
            for (int j = 0; ports != null && j < ports.size(); j++) {
                ContainerPort p = ports.get(j) == null ? new ContainerPort() : ports.get(j);
                int hp = p.getHostPort() == null ? 0 : p.getHostPort();
                int cp = p.getContainerPort() == null ? 0 : p.getContainerPort();
                if ((resourceIsPod || hp != 0) && hp != cp) {
                    errs.add(FieldError.invalid(path.child("containers").index(i).child("ports").index(j)
                            .child("hostPort").toString(), hp, "must match `containerPort` when `hostNetwork` is true"));
                }
            }
        }
        return errs;
    }

    private static List<FieldError> dnsConfig(PodSpec spec, FieldPath path) {
        if (!"None".equals(spec.getDnsPolicy())) {
            return List.of();
        }
        if (spec.getDnsConfig() == null) {
            return List.of(FieldError.required(path.toString(), "must provide `dnsConfig` when `dnsPolicy` is None"));
        }
        if (spec.getDnsConfig().getNameservers() == null || spec.getDnsConfig().getNameservers().isEmpty()) {
            return List.of(FieldError.required(path.child("nameservers").toString(),
                    "must provide at least one DNS nameserver when `dnsPolicy` is None"));
        }
        return List.of();
    }

    /** {@code validateReadinessGates} and {@code validateSchedulingGates}. */
    private static List<FieldError> gates(PodSpec spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        List<PodReadinessGate> readiness = spec.getReadinessGates() == null ? List.of() : spec.getReadinessGates();
        for (int i = 0; i < readiness.size(); i++) {
            String type = readiness.get(i) == null ? null : readiness.get(i).getConditionType();
            errs.addAll(LabelValidation.qualifiedName(type,
                    path.child("readinessGates").index(i).child("conditionType")));
        }
        List<PodSchedulingGate> scheduling = spec.getSchedulingGates() == null ? List.of() : spec.getSchedulingGates();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < scheduling.size(); i++) {
            String name = scheduling.get(i) == null || scheduling.get(i).getName() == null ? ""
                    : scheduling.get(i).getName();
            FieldPath idx = path.child("schedulingGates").index(i);
            errs.addAll(LabelValidation.qualifiedName(name, idx));
            if (!seen.add(name)) {
                errs.add(FieldError.duplicate(idx.toString(), name));
            }
        }
        return errs;
    }

    private static List<FieldError> names(PodSpec spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String sa = serviceAccountName(spec);
        for (String msg : sa.isEmpty() ? List.<String>of() : NameRule.DNS1123_SUBDOMAIN.messages(sa, false)) {
            errs.add(FieldError.invalid(path.child("serviceAccountName").toString(), sa, msg));
        }
        String node = spec.getNodeName() == null ? "" : spec.getNodeName();
        for (String msg : node.isEmpty() ? List.<String>of() : NameRule.DNS1123_SUBDOMAIN.messages(node, false)) {
            errs.add(FieldError.invalid(path.child("nodeName").toString(), node, msg));
        }
        return errs;
    }

    /** v1 → internal conversion copies the deprecated {@code serviceAccount} when the name is unset. */
    static String serviceAccountName(PodSpec spec) {
        if (spec.getServiceAccountName() != null && !spec.getServiceAccountName().isEmpty()) {
            return spec.getServiceAccountName();
        }
        return spec.getServiceAccount() == null ? "" : spec.getServiceAccount();
    }

    private static List<FieldError> scalars(PodSpec spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Long ads = spec.getActiveDeadlineSeconds();
        if (ads != null && (ads < 1 || ads > MAX_INT32)) {
            errs.add(FieldError.invalid(path.child("activeDeadlineSeconds").toString(), ads,
                    Formats.inclusiveRangeError(1, MAX_INT32)));
        }
        if (spec.getHostname() != null && !spec.getHostname().isEmpty()) {
            errs.addAll(LabelValidation.dns1123Label(spec.getHostname(), path.child("hostname")));
        }
        if (spec.getSubdomain() != null && !spec.getSubdomain().isEmpty()) {
            errs.addAll(LabelValidation.dns1123Label(spec.getSubdomain(), path.child("subdomain")));
        }
        if (spec.getTolerations() != null && !spec.getTolerations().isEmpty()) {
            errs.addAll(TolerationValidation.validateTolerations(spec.getTolerations(), path.child("tolerations")));
        }
        String pcn = spec.getPriorityClassName() == null ? "" : spec.getPriorityClassName();
        for (String msg : pcn.isEmpty() ? List.<String>of() : NameRule.DNS1123_SUBDOMAIN.messages(pcn, false)) {
            errs.add(FieldError.invalid(path.child("priorityClassName").toString(), pcn, msg));
        }
        if (spec.getPreemptionPolicy() != null) {
            errs.addAll(ContainerValidation.enumValue(spec.getPreemptionPolicy(),
                    List.of("PreemptLowerPriority", "Never"), path.child("preemptionPolicy")));
        }
        return errs;
    }
}
