package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Service ports, node ports, source ranges and traffic-policy rules of {@code ValidateService}. */
final class ServicePortValidation {

    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> POLICIES = List.of("Cluster", "Local");
    private static final String LB_ONLY = "may only be used when `type` is 'LoadBalancer'";
    private static final String SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";
    private static final FieldPath SPEC = ServiceValidation.SPEC;

    private ServicePortValidation() {
    }

    /** {@code validateServicePort} for each port; names are required when there is more than one port. */
    static List<FieldError> ports(List<ServicePort> ports) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; ports != null && i < ports.size(); i++) {
            ServicePort sp = port(ports.get(i));
            FieldPath p = SPEC.child("ports").index(i);
            String name = str(sp.getName());
            if (ports.size() > 1 && name.isEmpty()) {
                errs.add(FieldError.required(p.child("name").toString(), ""));
            } else if (!name.isEmpty()) {
                errs.addAll(LabelValidation.dns1123Label(name, p.child("name")));
                if (!names.add(name)) {
                    errs.add(FieldError.duplicate(p.child("name").toString(), name));
                }
            }
            int number = num(sp.getPort());
            for (String msg : Formats.isValidPortNum(number)) {
                errs.add(FieldError.invalid(p.child("port").toString(), number, msg));
            }
            String protocol = str(sp.getProtocol());
            if (protocol.isEmpty()) {
                errs.add(FieldError.required(p.child("protocol").toString(), ""));
            } else if (!PROTOCOLS.contains(protocol)) {
                errs.add(FieldError.notSupported(p.child("protocol").toString(), GoFormat.named(protocol), PROTOCOLS));
            }
            errs.addAll(ProbeValidation.portNumOrName(sp.getTargetPort(), p.child("targetPort")));
            if (sp.getAppProtocol() != null) {
                errs.addAll(LabelValidation.qualifiedName(sp.getAppProtocol(), p.child("appProtocol")));
            }
        }
        return errs;
    }

    /** No nodePort on ClusterIP services; unique (protocol, nodePort) and (protocol, port) pairs. */
    static List<FieldError> nodePortsAndDuplicates(List<ServicePort> ports, String type) {
        List<FieldError> errs = new ArrayList<>();
        List<ServicePort> list = ports == null ? List.of() : ports;
        for (int i = 0; type.equals("ClusterIP") && i < list.size(); i++) {
            if (num(port(list.get(i)).getNodePort()) != 0) {
                errs.add(FieldError.forbidden(SPEC.child("ports").index(i).child("nodePort").toString(),
                        "may not be used when `type` is 'ClusterIP'"));
            }
        }
        Set<String> nodePorts = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ServicePort sp = port(list.get(i));
            if (num(sp.getNodePort()) != 0 && !nodePorts.add(str(sp.getProtocol()) + "/" + sp.getNodePort())) {
                errs.add(FieldError.duplicate(SPEC.child("ports").index(i).child("nodePort").toString(),
                        num(sp.getNodePort())));
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ServicePort sp = port(list.get(i));
            if (!seen.add(str(sp.getProtocol()) + "/" + num(sp.getPort()))) {
                errs.add(FieldError.duplicate(SPEC.child("ports").index(i).toString(), GoFormat.struct("Name", "",
                        "Protocol", str(sp.getProtocol()), "AppProtocol", null, "Port", num(sp.getPort()),
                        "TargetPort", 0, "NodePort", 0)));
            }
        }
        return errs;
    }

    /** {@code spec.loadBalancerSourceRanges} (reported at {@code spec.LoadBalancerSourceRanges}) or the annotation. */
    static List<FieldError> sourceRanges(Service svc) {
        ServiceSpec spec = svc.getSpec();
        boolean lb = "LoadBalancer".equals(spec.getType());
        List<FieldError> errs = new ArrayList<>();
        List<String> ranges = spec.getLoadBalancerSourceRanges();
        Map<String, String> ann = svc.getMetadata() == null || svc.getMetadata().getAnnotations() == null ? Map.of()
                : svc.getMetadata().getAnnotations();
        if (ranges != null && !ranges.isEmpty()) {
            FieldPath path = SPEC.child("LoadBalancerSourceRanges");
            if (!lb) {
                errs.add(FieldError.forbidden(path.toString(), LB_ONLY));
            }
            for (int i = 0; i < ranges.size(); i++) {
                errs.addAll(IpAddresses.validateCidr(path.index(i), str(ranges.get(i)).strip()));
            }
        } else if (ann.containsKey(SOURCE_RANGES_ANNOTATION)) {
            FieldPath path = FieldPath.root("metadata").child("annotations").key(SOURCE_RANGES_ANNOTATION);
            if (!lb) {
                errs.add(FieldError.forbidden(path.toString(), LB_ONLY));
            }
            String val = str(ann.get(SOURCE_RANGES_ANNOTATION)).strip();
            for (String cidr : val.isEmpty() ? new String[0] : val.split(",", -1)) {
                errs.addAll(IpAddresses.validateCidr(path, cidr.strip()));
            }
        }
        return errs;
    }

    /** {@code allocateLoadBalancerNodePorts}; the Required error really has the root path upstream. */
    static List<FieldError> trafficFields(ServiceSpec spec, String type) {
        List<FieldError> errs = new ArrayList<>();
        if (spec.getAllocateLoadBalancerNodePorts() != null && !type.equals("LoadBalancer")) {
            errs.add(FieldError.forbidden(SPEC.child("allocateLoadBalancerNodePorts").toString(), LB_ONLY));
        }
        if (type.equals("LoadBalancer") && spec.getAllocateLoadBalancerNodePorts() == null) {
            errs.add(FieldError.required("allocateLoadBalancerNodePorts", ""));
        }
        return errs;
    }

    /** External and internal traffic policy, health-check node port and traffic distribution. */
    static List<FieldError> trafficPolicies(ServiceSpec spec, String type) {
        List<FieldError> errs = new ArrayList<>();
        String etp = str(spec.getExternalTrafficPolicy());
        boolean external = type.equals("LoadBalancer") || type.equals("NodePort")
                || (type.equals("ClusterIP") && spec.getExternalIPs() != null && !spec.getExternalIPs().isEmpty());
        FieldPath etpPath = SPEC.child("externalTrafficPolicy");
        if (!external && !etp.isEmpty()) {
            errs.add(FieldError.invalid(etpPath.toString(), GoFormat.named(etp),
                    "may only be set for externally-accessible services"));
        } else if (external && etp.isEmpty()) {
            errs.add(FieldError.required(etpPath.toString(), ""));
        } else if (external && !POLICIES.contains(etp)) {
            errs.add(FieldError.notSupported(etpPath.toString(), GoFormat.named(etp), POLICIES));
        }
        int hc = num(spec.getHealthCheckNodePort());
        FieldPath hcPath = SPEC.child("healthCheckNodePort");
        if (!ServiceValidation.needsHealthCheck(spec) && hc != 0) {
            errs.add(FieldError.invalid(hcPath.toString(), hc,
                    "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
        } else if (ServiceValidation.needsHealthCheck(spec)) {
            if (hc == 0) {
                errs.add(FieldError.required(hcPath.toString(), ""));
            }
            for (String msg : hc == 0 ? List.<String>of() : Formats.isValidPortNum(hc)) {
                errs.add(FieldError.invalid(hcPath.toString(), hc, msg));
            }
        }
        errs.addAll(internalAndDistribution(spec, type));
        return errs;
    }

    private static List<FieldError> internalAndDistribution(ServiceSpec spec, String type) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath itp = SPEC.child("internalTrafficPolicy");
        if (spec.getInternalTrafficPolicy() == null) {
            if (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP")) {
                errs.add(FieldError.required(itp.toString(), ""));
            }
        } else if (!POLICIES.contains(spec.getInternalTrafficPolicy())) {
            errs.add(FieldError.notSupported(itp.toString(), GoFormat.named(spec.getInternalTrafficPolicy()),
                    POLICIES));
        }
        String td = spec.getTrafficDistribution();
        if (td != null && !td.equals("PreferClose")) {
            errs.add(FieldError.notSupported(SPEC.child("trafficDistribution").toString(), td,
                    List.of("PreferClose")));
        }
        return errs;
    }

    private static ServicePort port(ServicePort p) {
        return p == null ? new ServicePort() : p;
    }

    private static int num(Integer v) {
        return v == null ? 0 : v;
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
