package io.kubesim.registry.defaults;

import io.fabric8.kubernetes.api.model.ClientIPConfig;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.SessionAffinityConfig;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.Objects;
import java.util.Set;

/**
 * Service, Endpoints and EndpointSlice defaults: {@code SetDefaults_Service}, {@code SetDefaults_Endpoints}
 * ({@code pkg/apis/core/v1/defaults.go}) and {@code SetDefaults_EndpointPort}
 * ({@code pkg/apis/discovery/v1/defaults.go}).
 */
final class ServiceDefaults {

    static final int DEFAULT_CLIENT_IP_TIMEOUT_SECONDS = 10800;
    private static final Set<String> INTERNAL_POLICY_TYPES = Set.of("ClusterIP", "NodePort", "LoadBalancer");

    private ServiceDefaults() {
    }

    static void service(Service svc) {
        if (svc == null) {
            return;
        }
        if (svc.getSpec() == null) {
            svc.setSpec(new ServiceSpec());
        }
        ServiceSpec spec = svc.getSpec();
        sessionAffinity(spec);
        if (ContainerDefaults.isEmpty(spec.getType())) {
            spec.setType("ClusterIP");
        }
        if (spec.getPorts() != null) {
            spec.getPorts().stream().filter(Objects::nonNull).forEach(ServiceDefaults::port);
        }
        if (externallyAccessible(spec) && ContainerDefaults.isEmpty(spec.getExternalTrafficPolicy())) {
            spec.setExternalTrafficPolicy("Cluster");
        }
        if (spec.getInternalTrafficPolicy() == null && INTERNAL_POLICY_TYPES.contains(spec.getType())) {
            spec.setInternalTrafficPolicy("Cluster");
        }
        if ("LoadBalancer".equals(spec.getType())) {
            if (spec.getAllocateLoadBalancerNodePorts() == null) {
                spec.setAllocateLoadBalancerNodePorts(true);
            }
            loadBalancerIpMode(svc.getStatus());
        }
    }

    private static void sessionAffinity(ServiceSpec spec) {
        if (ContainerDefaults.isEmpty(spec.getSessionAffinity())) {
            spec.setSessionAffinity("None");
        }
        if ("None".equals(spec.getSessionAffinity())) {
            spec.setSessionAffinityConfig(null);
        }
        SessionAffinityConfig config = spec.getSessionAffinityConfig();
        if ("ClientIP".equals(spec.getSessionAffinity()) && (config == null || config.getClientIP() == null
                || config.getClientIP().getTimeoutSeconds() == null)) {
            SessionAffinityConfig fresh = new SessionAffinityConfig();
            ClientIPConfig clientIp = new ClientIPConfig();
            clientIp.setTimeoutSeconds(DEFAULT_CLIENT_IP_TIMEOUT_SECONDS);
            fresh.setClientIP(clientIp);
            spec.setSessionAffinityConfig(fresh);
        }
    }

    private static void port(ServicePort p) {
        if (ContainerDefaults.isEmpty(p.getProtocol())) {
            p.setProtocol(ContainerDefaults.PROTOCOL_TCP);
        }
        IntOrString target = p.getTargetPort();
        boolean unset = target == null || target.getValue() == null
                || Integer.valueOf(0).equals(target.getIntVal()) || "".equals(target.getStrVal());
        if (unset) {
            p.setTargetPort(new IntOrString(p.getPort() == null ? 0 : p.getPort()));
        }
    }

    /** {@code service.ExternallyAccessible}: LoadBalancer, NodePort, or ClusterIP with external IPs. */
    private static boolean externallyAccessible(ServiceSpec spec) {
        return "LoadBalancer".equals(spec.getType()) || "NodePort".equals(spec.getType())
                || "ClusterIP".equals(spec.getType()) && spec.getExternalIPs() != null
                && !spec.getExternalIPs().isEmpty();
    }

    private static void loadBalancerIpMode(ServiceStatus status) {
        LoadBalancerStatus lb = status == null ? null : status.getLoadBalancer();
        if (lb == null || lb.getIngress() == null) {
            return;
        }
        lb.getIngress().stream()
                .filter(i -> i != null && !ContainerDefaults.isEmpty(i.getIp()) && i.getIpMode() == null)
                .forEach(i -> i.setIpMode("VIP"));
    }

    static void endpoints(Endpoints ep) {
        if (ep == null || ep.getSubsets() == null) {
            return;
        }
        ep.getSubsets().stream().filter(s -> s != null && s.getPorts() != null)
                .flatMap(s -> s.getPorts().stream())
                .filter(p -> p != null && ContainerDefaults.isEmpty(p.getProtocol()))
                .forEach(p -> p.setProtocol(ContainerDefaults.PROTOCOL_TCP));
    }

    static void endpointSlice(EndpointSlice slice) {
        if (slice == null || slice.getPorts() == null) {
            return;
        }
        slice.getPorts().stream().filter(Objects::nonNull).forEach(p -> {
            if (p.getName() == null) {
                p.setName("");
            }
            if (p.getProtocol() == null) {
                p.setProtocol(ContainerDefaults.PROTOCOL_TCP);
            }
        });
    }
}
