package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.SessionAffinityConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * core/v1 Service validation ({@code ValidateService}, {@code ValidateServiceUpdate}). Like the registry, the
 * singular {@code clusterIP} is first copied into an empty {@code clusterIPs} ({@code NormalizeClusterIPs}); the
 * allocation of IPs and node ports is expected to have happened before, as in kube-apiserver.
 */
public final class ServiceValidation {

    static final FieldPath SPEC = FieldPath.root("spec");
    private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
    private static final String HINTS = "service.kubernetes.io/topology-aware-hints";
    private static final String MODE = "service.kubernetes.io/topology-mode";

    private ServiceValidation() {
    }

    /** Create validation. */
    public static List<FieldError> validate(Service service) {
        return validateNormalized(ServiceIpValidation.normalized(service, null));
    }

    /** Update validation: metadata, immutable cluster IPs/families, LB class, health-check port, then create rules. */
    public static List<FieldError> validateUpdate(Service newService, Service oldService) {
        Service o = ServiceIpValidation.normalized(oldService, null);
        Service n = ServiceIpValidation.normalized(newService, o);
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(n.getMetadata(), o.getMetadata(),
                "Service"));
        errs.addAll(ServiceIpValidation.upgradeDowngradeClusterIps(o.getSpec(), n.getSpec()));
        errs.addAll(ServiceIpValidation.upgradeDowngradeFamilies(o.getSpec(), n.getSpec()));
        errs.addAll(loadBalancerClass(o.getSpec(), n.getSpec()));
        if (needsHealthCheck(o.getSpec()) && needsHealthCheck(n.getSpec())
                && !Objects.equals(n.getSpec().getHealthCheckNodePort(), o.getSpec().getHealthCheckNodePort())) {
            errs.add(FieldError.forbidden(SPEC.child("healthCheckNodePort").toString(), "field is immutable"));
        }
        errs.addAll(validateNormalized(n));
        return errs;
    }

    private static List<FieldError> validateNormalized(Service svc) {
        ServiceSpec spec = svc.getSpec();
        String type = str(spec.getType());
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(svc.getMetadata(), true,
                NameRule.DNS1035_LABEL, "Service"));
        errs.addAll(topologyAnnotations(svc.getMetadata()));
        boolean headless = ServiceIpValidation.isHeadless(spec);
        if ((spec.getPorts() == null || spec.getPorts().isEmpty()) && !headless && !type.equals("ExternalName")) {
            errs.add(FieldError.required(SPEC.child("ports").toString(), ""));
        }
        errs.addAll(typeSpecific(spec, type, headless));
        errs.addAll(ServicePortValidation.ports(spec.getPorts()));
        if (spec.getSelector() != null) {
            errs.addAll(LabelValidation.validateLabels(spec.getSelector(), SPEC.child("selector")));
        }
        errs.addAll(sessionAffinity(spec));
        errs.addAll(ServiceIpValidation.clusterIpsRelatedFields(spec));
        errs.addAll(externalIps(spec.getExternalIPs()));
        errs.addAll(typeValue(type));
        errs.addAll(ServicePortValidation.nodePortsAndDuplicates(spec.getPorts(), type));
        errs.addAll(ServicePortValidation.sourceRanges(svc));
        errs.addAll(ServicePortValidation.trafficFields(spec, type));
        errs.addAll(loadBalancerClass(null, spec));
        errs.addAll(ServicePortValidation.trafficPolicies(spec, type));
        return errs;
    }

    private static List<FieldError> topologyAnnotations(ObjectMeta meta) {
        Map<String, String> ann = meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
        if (ann.containsKey(HINTS) && ann.containsKey(MODE) && !Objects.equals(ann.get(HINTS), ann.get(MODE))) {
            return List.of(FieldError.invalid(FieldPath.root("metadata").child("annotations").key(MODE).toString(),
                    str(ann.get(MODE)), "must match annotations[" + HINTS + "] when both are specified"));
        }
        return List.of();
    }

    private static List<FieldError> typeSpecific(ServiceSpec spec, String type, boolean headless) {
        List<FieldError> errs = new ArrayList<>();
        switch (type) {
            case "LoadBalancer", "NodePort" -> {
                if (headless) {
                    errs.add(FieldError.invalid(SPEC.child("clusterIPs").index(0).toString(), "None",
                            "may not be set to 'None' for " + type + " services"));
                }
            }
            case "ExternalName" -> {
                String forbidden = "may not be set for ExternalName services";
                if (spec.getClusterIPs() != null && !spec.getClusterIPs().isEmpty()) {
                    errs.add(FieldError.forbidden(SPEC.child("clusterIPs").toString(), forbidden));
                }
                if (spec.getIpFamilies() != null && !spec.getIpFamilies().isEmpty()) {
                    errs.add(FieldError.forbidden(SPEC.child("ipFamilies").toString(), forbidden));
                }
                if (spec.getIpFamilyPolicy() != null) {
                    errs.add(FieldError.forbidden(SPEC.child("ipFamilyPolicy").toString(), forbidden));
                }
                String cname = str(spec.getExternalName());
                cname = cname.endsWith(".") ? cname.substring(0, cname.length() - 1) : cname;
                errs.addAll(cname.isEmpty() ? List.of(FieldError.required(SPEC.child("externalName").toString(), ""))
                        : LabelValidation.dns1123Subdomain(cname, SPEC.child("externalName")));
            }
            default -> {
            }
        }
        return errs;
    }

    private static List<FieldError> sessionAffinity(ServiceSpec spec) {
        String affinity = str(spec.getSessionAffinity());
        FieldPath path = SPEC.child("sessionAffinity");
        if (affinity.isEmpty()) {
            return List.of(FieldError.required(path.toString(), ""));
        }
        if (!affinity.equals("ClientIP") && !affinity.equals("None")) {
            return List.of(FieldError.notSupported(path.toString(), GoFormat.named(affinity),
                    List.of("ClientIP", "None")));
        }
        FieldPath cfg = SPEC.child("sessionAffinityConfig");
        if (affinity.equals("None")) {
            return spec.getSessionAffinityConfig() == null ? List.of()
                    : List.of(FieldError.forbidden(cfg.toString(), "must not be set when session affinity is None"));
        }
        return clientIpConfig(spec.getSessionAffinityConfig(), cfg);
    }

    /** {@code validateClientIPAffinityConfig}. */
    private static List<FieldError> clientIpConfig(SessionAffinityConfig c, FieldPath cfg) {
        String when = "when session affinity type is ClientIP";
        if (c == null) {
            return List.of(FieldError.required(cfg.toString(), when));
        }
        if (c.getClientIP() == null) {
            return List.of(FieldError.required(cfg.child("clientIP").toString(), when));
        }
        Integer timeout = c.getClientIP().getTimeoutSeconds();
        FieldPath t = cfg.child("clientIP", "timeoutSeconds");
        if (timeout == null) {
            return List.of(FieldError.required(t.toString(), when));
        }
        if (timeout <= 0 || timeout > 86400) {
            return List.of(FieldError.invalid(t.toString(), timeout, "must be greater than 0 and less than 86400"));
        }
        return List.of();
    }

    private static List<FieldError> externalIps(List<String> ips) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; ips != null && i < ips.size(); i++) {
            FieldPath idx = SPEC.child("externalIPs").index(i);
            List<FieldError> ipErrs = IpAddresses.validateIp(idx, str(ips.get(i)));
            errs.addAll(ipErrs.isEmpty() ? IpAddresses.validateNonSpecialIp(idx, ips.get(i)) : ipErrs);
        }
        return errs;
    }

    private static List<FieldError> typeValue(String type) {
        if (type.isEmpty()) {
            return List.of(FieldError.required(SPEC.child("type").toString(), ""));
        }
        return TYPES.contains(type) ? List.of()
                : List.of(FieldError.notSupported(SPEC.child("type").toString(), GoFormat.named(type), TYPES));
    }

    /** {@code validateLoadBalancerClassField}; {@code old == null} on create. */
    private static List<FieldError> loadBalancerClass(ServiceSpec old, ServiceSpec spec) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath path = SPEC.child("loadBalancerClass");
        boolean lb = "LoadBalancer".equals(spec.getType());
        if (old != null && lb && "LoadBalancer".equals(old.getType())
                && !Objects.equals(old.getLoadBalancerClass(), spec.getLoadBalancerClass())) {
            errs.add(FieldError.invalid(path.toString(), spec.getLoadBalancerClass(), "may not change once set"));
        }
        if (spec.getLoadBalancerClass() != null) {
            errs.addAll(lb ? LabelValidation.qualifiedName(spec.getLoadBalancerClass(), path)
                    : List.of(FieldError.forbidden(path.toString(), "may only be used when `type` is 'LoadBalancer'")));
        }
        return errs;
    }

    static boolean needsHealthCheck(ServiceSpec spec) {
        return "LoadBalancer".equals(spec.getType()) && "Local".equals(spec.getExternalTrafficPolicy());
    }

    static String str(String s) {
        return s == null ? "" : s;
    }
}
