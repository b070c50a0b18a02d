package io.kubesim.registry.defaults;

import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What the service registry fills in on create before allocating cluster IPs, for a single-stack IPv4 cluster:
 * the status reset of the service strategy's {@code PrepareForCreate}, the {@code clusterIP}/{@code clusterIPs}
 * normalisation, and {@code initIPFamilyFields} of {@code pkg/registry/core/service/storage/alloc.go}
 * ({@code ipFamilyPolicy}, {@code ipFamilies}). IP and node-port allocation itself is the caller's job.
 */
final class ServiceIpFamilies {

    static final String SINGLE_STACK = "SingleStack";
    static final String REQUIRE_DUAL_STACK = "RequireDualStack";
    static final String IPV4 = "IPv4";
    static final String IPV6 = "IPv6";
    static final String HEADLESS = "None";

    private ServiceIpFamilies() {
    }

    /** Create: status becomes {@code {loadBalancer: {}}}, cluster IP fields are normalised, families defaulted. */
    static void prepareForCreate(Service svc) {
        if (svc == null) {
            return;
        }
        ServiceStatus status = new ServiceStatus();
        status.setLoadBalancer(new LoadBalancerStatus());
        svc.setStatus(status);
        if (svc.getSpec() != null) {
            normalizeClusterIps(svc.getSpec());
        }
        init(svc, null);
    }

    /** {@code normalizeClusterIPs} for create: the singular and plural fields mirror each other. */
    private static void normalizeClusterIps(ServiceSpec spec) {
        boolean hasIp = !ContainerDefaults.isEmpty(spec.getClusterIP());
        boolean hasIps = spec.getClusterIPs() != null && !spec.getClusterIPs().isEmpty();
        if (hasIp && !hasIps) {
            spec.setClusterIPs(new ArrayList<>(List.of(spec.getClusterIP())));
        } else if (!hasIp && hasIps) {
            spec.setClusterIP(spec.getClusterIPs().get(0));
        }
    }

    /**
     * {@code initIPFamilyFields} for a single-stack IPv4 cluster. On update ({@code old != null}) a missing policy
     * is taken from the old object. Invalid combinations are left for validation.
     */
    static void init(Service svc, Service old) {
        ServiceSpec spec = svc == null ? null : svc.getSpec();
        if (spec == null || "ExternalName".equals(spec.getType())) {
            return;
        }
        boolean headlessSelectorless = HEADLESS.equals(spec.getClusterIP())
                && (spec.getSelector() == null || spec.getSelector().isEmpty());
        if (spec.getIpFamilyPolicy() == null) {
            String oldPolicy = old == null || old.getSpec() == null ? null : old.getSpec().getIpFamilyPolicy();
            spec.setIpFamilyPolicy(oldPolicy != null ? oldPolicy
                    : headlessSelectorless ? REQUIRE_DUAL_STACK : SINGLE_STACK);
        }
        List<String> families = new ArrayList<>(spec.getIpFamilies() == null ? List.of() : spec.getIpFamilies());
        List<String> ips = spec.getClusterIPs() == null ? List.of() : spec.getClusterIPs();
        for (int i = 0; i < ips.size() && !HEADLESS.equals(ips.get(i)); i++) {
            if (i >= families.size() && ips.get(i) != null) {
                families.add(ips.get(i).contains(":") ? IPV6 : IPV4);
            }
        }
        if (families.isEmpty()) {
            families.add(IPV4);
        }
        if (headlessSelectorless && families.size() < 2 && !SINGLE_STACK.equals(spec.getIpFamilyPolicy())) {
            families.add(IPV4.equals(families.get(0)) ? IPV6 : IPV4);
        }
        spec.setIpFamilies(families);
    }
}
