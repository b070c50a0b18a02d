package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceSpecBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Cluster IPs and IP families of Services ({@code ValidateServiceClusterIPsRelatedFields} and update rules). */
final class ServiceIpValidation {

    private static final FieldPath SPEC = ServiceValidation.SPEC;
    private static final List<String> FAMILIES = List.of("IPv4", "IPv6");
    private static final List<String> FAMILY_POLICIES = List.of("PreferDualStack", "RequireDualStack", "SingleStack");

    private ServiceIpValidation() {
    }

    /**
     * A copy whose {@code clusterIPs} is synced from {@code clusterIP} the way the registry's
     * {@code NormalizeClusterIPs} does before validation ({@code old} is the normalized old object on update).
     */
    static Service normalized(Service service, Service old) {
        Service s = service == null ? new Service() : service;
        ServiceSpec spec = s.getSpec() == null ? new ServiceSpec() : new ServiceSpecBuilder(s.getSpec()).build();
        List<String> ips = spec.getClusterIPs() == null ? List.of() : spec.getClusterIPs();
        String ip = ServiceValidation.str(spec.getClusterIP());
        ServiceSpec oldSpec = old == null ? null : old.getSpec();
        if (oldSpec != null && !ip.equals(ServiceValidation.str(oldSpec.getClusterIP()))
                && Objects.equals(ips, oldSpec.getClusterIPs() == null ? List.of() : oldSpec.getClusterIPs())) {
            spec.setClusterIPs(ip.isEmpty() ? null : new ArrayList<>(List.of(ip)));
        } else if (ips.isEmpty() && !ip.isEmpty()) {
            boolean keepOld = oldSpec != null && ip.equals(oldSpec.getClusterIP()) && oldSpec.getClusterIPs() != null;
            spec.setClusterIPs(new ArrayList<>(keepOld ? oldSpec.getClusterIPs() : List.of(ip)));
        }
        Service copy = new Service();
        copy.setMetadata(s.getMetadata() == null ? new ObjectMeta() : s.getMetadata());
        copy.setSpec(spec);
        return copy;
    }

    static boolean isHeadless(ServiceSpec spec) {
        return spec.getClusterIPs() != null && spec.getClusterIPs().size() == 1
                && "None".equals(spec.getClusterIPs().get(0));
    }

    static List<FieldError> clusterIpsRelatedFields(ServiceSpec spec) {
        if ("ExternalName".equals(spec.getType())) {
            return List.of();
        }
        List<String> ips = spec.getClusterIPs() == null ? List.of() : spec.getClusterIPs();
        FieldPath ipsPath = SPEC.child("clusterIPs");
        List<FieldError> errs = new ArrayList<>(synced(spec, ips, ipsPath));
        errs.addAll(families(spec));
        boolean invalidIps = false;
        for (int i = 0; i < ips.size(); i++) {
            if (i == 0 && "None".equals(ips.get(0))) {
                if (ips.size() > 1) {
                    invalidIps = true;
                    errs.add(FieldError.invalid(ipsPath.toString(), ips, "'None' must be the first and only value"));
                }
                continue;
            }
            List<FieldError> ipErrs = IpAddresses.validateIp(ipsPath.index(i), ServiceValidation.str(ips.get(i)));
            invalidIps |= !ipErrs.isEmpty();
            errs.addAll(ipErrs);
        }
        if (ips.size() > 2) {
            errs.add(FieldError.invalid(ipsPath.toString(), ips, "may only hold up to 2 values"));
        }
        if (invalidIps) {
            return errs;
        }
        if (ips.size() > 1 && !IpAddresses.isDualStack(ips, false)) {
            errs.add(FieldError.invalid(ipsPath.toString(), ips, "may specify no more than one IP for each IP family"));
        }
        errs.addAll(familiesMatchIps(spec, ips));
        return errs;
    }

    /** {@code clusterIP} and {@code clusterIPs[0]} must agree. */
    private static List<FieldError> synced(ServiceSpec spec, List<String> ips, FieldPath ipsPath) {
        if (!ServiceValidation.str(spec.getClusterIP()).isEmpty()) {
            if (ips.isEmpty()) {
                return List.of(FieldError.required(ipsPath.toString(), ""));
            }
            return ips.get(0).equals(spec.getClusterIP()) ? List.of()
                    : List.of(FieldError.invalid(ipsPath.toString(), ips, "first value must match `clusterIP`"));
        }
        return ips.isEmpty() ? List.of()
                : List.of(FieldError.invalid(ipsPath.toString(), ips, "must be empty when `clusterIP` is not specified"));
    }

    private static List<FieldError> families(ServiceSpec spec) {
        List<FieldError> errs = new ArrayList<>();
        List<String> families = spec.getIpFamilies() == null ? List.of() : spec.getIpFamilies();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < families.size(); i++) {
            String f = ServiceValidation.str(families.get(i));
            FieldPath p = SPEC.child("ipFamilies").index(i);
            if (!FAMILIES.contains(f)) {
                errs.add(FieldError.notSupported(p.toString(), GoFormat.named(f), FAMILIES));
            }
            if (!seen.add(f)) {
                errs.add(FieldError.duplicate(p.toString(), GoFormat.named(f)));
            }
        }
        String policy = spec.getIpFamilyPolicy();
        if (policy != null && !FAMILY_POLICIES.contains(policy)) {
            errs.add(FieldError.notSupported(SPEC.child("ipFamilyPolicy").toString(), GoFormat.named(policy),
                    FAMILY_POLICIES));
        }
        return errs;
    }

    private static List<FieldError> familiesMatchIps(ServiceSpec spec, List<String> ips) {
        List<FieldError> errs = new ArrayList<>();
        List<String> families = spec.getIpFamilies() == null ? List.of() : spec.getIpFamilies();
        if (isHeadless(spec) || ips.isEmpty() || families.isEmpty()) {
            return errs;
        }
        for (int i = 0; i < ips.size() && i < families.size(); i++) {
            boolean v6 = IpAddresses.isIPv6(ips.get(i));
            if ("IPv4".equals(families.get(i)) && v6) {
                errs.add(FieldError.invalid(SPEC.child("clusterIPs").index(i).toString(), ips.get(i),
                        "expected an IPv4 value as indicated by `ipFamilies[" + i + "]`"));
            }
            if ("IPv6".equals(families.get(i)) && !v6) {
                errs.add(FieldError.invalid(SPEC.child("clusterIPs").index(i).toString(), ips.get(i),
                        "expected an IPv6 value as indicated by `ipFamilies[" + i + "]`"));
            }
        }
        return errs;
    }

    /** {@code validateUpgradeDowngradeClusterIPs}: the primary cluster IP may never change. */
    static List<FieldError> upgradeDowngradeClusterIps(ServiceSpec old, ServiceSpec spec) {
        if ("ExternalName".equals(spec.getType()) || "ExternalName".equals(old.getType())
                || (isHeadless(old) && isHeadless(spec))) {
            return List.of();
        }
        List<String> o = old.getClusterIPs() == null ? List.of() : old.getClusterIPs();
        List<String> n = spec.getClusterIPs() == null ? List.of() : spec.getClusterIPs();
        Object value = spec.getClusterIPs();
        FieldPath ips = SPEC.child("clusterIPs");
        String change = "may not change once set";
        List<FieldError> errs = new ArrayList<>();
        if (o.size() == n.size()) {
            for (int i = 0; i < o.size(); i++) {
                if (!Objects.equals(o.get(i), n.get(i))) {
                    errs.add(FieldError.invalid(ips.index(i).toString(), value, change));
                }
            }
        } else if (o.size() > n.size()) {
            errs.addAll(releasedClusterIp(o, n, spec));
        } else if (!o.isEmpty() && !Objects.equals(n.get(0), o.get(0))) {
            errs.add(FieldError.invalid(ips.index(0).toString(), value, change));
        }
        return errs;
    }

    private static List<FieldError> releasedClusterIp(List<String> o, List<String> n, ServiceSpec spec) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath first = SPEC.child("clusterIPs").index(0);
        if (n.isEmpty()) {
            errs.add(FieldError.invalid(first.toString(), spec.getClusterIPs(), "primary clusterIP can not be unset"));
        }
        if (!o.isEmpty() && !n.isEmpty() && !Objects.equals(n.get(0), o.get(0))) {
            errs.add(FieldError.invalid(first.toString(), spec.getClusterIPs(), "may not change once set"));
        }
        if (n.size() == 1 && !"SingleStack".equals(spec.getIpFamilyPolicy())) {
            errs.add(FieldError.invalid(SPEC.child("ipFamilyPolicy").toString(), spec.getIpFamilyPolicy() == null
                    ? null : GoFormat.named(spec.getIpFamilyPolicy()),
                    "must be set to 'SingleStack' when releasing the secondary clusterIP"));
        }
        return errs;
    }

    /** {@code validateUpgradeDowngradeIPFamilies}: the primary family may never change (headless excepted). */
    static List<FieldError> upgradeDowngradeFamilies(ServiceSpec old, ServiceSpec spec) {
        if ("ExternalName".equals(spec.getType()) || "ExternalName".equals(old.getType())
                || isHeadless(old) || isHeadless(spec)) {
            return List.of();
        }
        List<String> o = old.getIpFamilies() == null ? List.of() : old.getIpFamilies();
        List<String> n = spec.getIpFamilies() == null ? List.of() : spec.getIpFamilies();
        FieldPath first = SPEC.child("ipFamilies").index(0);
        List<FieldError> errs = new ArrayList<>();
        if (o.size() == n.size()) {
            for (int i = 0; i < o.size(); i++) {
                if (!Objects.equals(o.get(i), n.get(i))) {
                    errs.add(FieldError.invalid(first.toString(), spec.getIpFamilies(), "may not change once set"));
                }
            }
        } else if (o.size() > n.size()) {
            if (spec.getClusterIPs() == null || spec.getClusterIPs().isEmpty()) {
                errs.add(FieldError.invalid(first.toString(), spec.getIpFamilies(), "primary ipFamily can not be unset"));
            }
            if (!n.isEmpty() && !Objects.equals(n.get(0), o.get(0))) {
                errs.add(FieldError.invalid(first.toString(), spec.getClusterIPs(), "may not change once set"));
            }
            if (n.size() == 1 && !"SingleStack".equals(spec.getIpFamilyPolicy())) {
                errs.add(FieldError.invalid(SPEC.child("ipFamilyPolicy").toString(), spec.getIpFamilyPolicy() == null
                        ? null : GoFormat.named(spec.getIpFamilyPolicy()),
                        "must be set to 'SingleStack' when releasing the secondary ipFamily"));
            }
        } else if (!o.isEmpty() && !n.isEmpty() && !Objects.equals(n.get(0), o.get(0))) {
            errs.add(FieldError.invalid(first.toString(), spec.getClusterIPs(), "may not change once set"));
        }
        return errs;
    }
}
