package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceClaim;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.kubesim.selection.LabelRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Container resource requirements ({@code ValidateContainerResourceRequirements}) and quantity values. */
final class ResourceValidation {

    private static final Set<String> STANDARD = Set.of("cpu", "memory", "ephemeral-storage", "requests.cpu",
            "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
            "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets",
            "persistentvolumeclaims", "configmaps", "services.nodeports", "services.loadbalancers",
            "requests.storage", "storage");
    private static final Set<String> CONTAINER = Set.of("cpu", "memory", "ephemeral-storage");
    private static final Set<String> INTEGER = Set.of("pods", "resourcequotas", "services", "replicationcontrollers",
            "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports", "services.loadbalancers");

    private ResourceValidation() {
    }

    static List<FieldError> containerResources(ResourceRequirements req, Set<String> podClaims, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        ResourceRequirements r = req == null ? new ResourceRequirements() : req;
        Map<String, Quantity> limits = sorted(r.getLimits());
        Map<String, Quantity> requests = sorted(r.getRequests());
        boolean cpuOrMemory = false;
        boolean hugePages = false;
        for (Map.Entry<String, Quantity> e : limits.entrySet()) {
            FieldPath p = path.child("limits").key(e.getKey());
            errs.addAll(containerResourceName(e.getKey(), p));
            errs.addAll(quantityValue(e.getKey(), e.getValue(), p));
            hugePages |= e.getKey().startsWith("hugepages-");
            cpuOrMemory |= e.getKey().equals("cpu") || e.getKey().equals("memory");
        }
        for (Map.Entry<String, Quantity> e : requests.entrySet()) {
            FieldPath p = path.child("requests").key(e.getKey());
            errs.addAll(containerResourceName(e.getKey(), p));
            errs.addAll(quantityValue(e.getKey(), e.getValue(), p));
            errs.addAll(requestWithinLimit(e.getKey(), e.getValue(), limits, path));
            hugePages |= e.getKey().startsWith("hugepages-");
            cpuOrMemory |= e.getKey().equals("cpu") || e.getKey().equals("memory");
        }
        if (!cpuOrMemory && hugePages) {
            errs.add(FieldError.forbidden(path.toString(), "HugePages require cpu or memory"));
        }
        errs.addAll(claims(r.getClaims(), podClaims, path.child("claims")));
        return errs;
    }

    private static List<FieldError> requestWithinLimit(String name, Quantity request, Map<String, Quantity> limits,
            FieldPath path) {
        FieldPath reqPath = path.child("requests");
        String reqText = Quantities.text(request);
        Quantity limit = limits.get(name);
        if (limit == null) {
            return overcommitAllowed(name) ? List.of()
                    : List.of(FieldError.required(path.child("limits").toString(),
                            "Limit must be set for non overcommitable resources"));
        }
        String limText = Quantities.text(limit);
        if (Quantities.parseError(reqText).isPresent() || Quantities.parseError(limText).isPresent()) {
            return List.of();
        }
        int cmp = Quantities.compare(reqText, limText);
        String reqCanonical = Quantities.canonical(reqText);
        String limCanonical = Quantities.canonical(limText);
        if (cmp != 0 && !overcommitAllowed(name)) {
            return List.of(FieldError.invalid(reqPath.toString(), reqCanonical,
                    "must be equal to " + name + " limit of " + limCanonical));
        }
        if (cmp > 0) {
            return List.of(FieldError.invalid(reqPath.toString(), reqCanonical,
                    "must be less than or equal to " + name + " limit of " + limCanonical));
        }
        return List.of();
    }

    /**
     * {@code ValidateResourceQuantityValue}: non-negative, integral for integer resources. A quantity that does not
     * parse (a 400 decode error upstream) is reported here as an invalid value with the parser's message.
     */
    static List<FieldError> quantityValue(String name, Quantity q, FieldPath path) {
        String text = Quantities.text(q);
        var parseError = Quantities.parseError(text);
        if (parseError.isPresent()) {
            return List.of(FieldError.invalid(path.toString(), text, parseError.get()));
        }
        List<FieldError> errs = new ArrayList<>();
        Quantities.Parsed parsed = Quantities.parse(text);
        String canonical = Quantities.canonical(parsed);
        if (parsed.value().signum() < 0) {
            errs.add(FieldError.invalid(path.toString(), canonical, "must be greater than or equal to 0"));
        }
        boolean integral = parsed.value().stripTrailingZeros().scale() <= 0;
        if (isInteger(name) && !integral) {
            errs.add(FieldError.invalid(path.toString(), canonical, "must be an integer"));
        }
        return errs;
    }

    private static List<FieldError> containerResourceName(String name, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (String msg : LabelRules.isQualifiedName(name)) {
            errs.add(FieldError.invalid(path.toString(), GoFormat.named(name), msg));
        }
        if (errs.isEmpty() && !name.contains("/") && !STANDARD.contains(name) && !name.startsWith("hugepages-")
                && !name.startsWith("requests.hugepages-")) {
            errs.add(FieldError.invalid(path.toString(), GoFormat.named(name),
                    "must be a standard resource type or fully qualified"));
        }
        if (!name.contains("/")) {
            if (!CONTAINER.contains(name) && !name.startsWith("hugepages-")) {
                errs.add(FieldError.invalid(path.toString(), GoFormat.named(name),
                        "must be a standard resource for containers"));
            }
        } else if (!isNative(name) && !isExtended(name)) {
            errs.add(FieldError.invalid(path.toString(), GoFormat.named(name),
                    "doesn't follow extended resource name standard"));
        }
        return errs;
    }

    private static List<FieldError> claims(List<ResourceClaim> claims, Set<String> podClaims, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; claims != null && i < claims.size(); i++) {
            String name = claims.get(i) == null || claims.get(i).getName() == null ? "" : claims.get(i).getName();
            if (name.isEmpty()) {
                errs.add(FieldError.required(path.index(i).toString(), ""));
                continue;
            }
            if (!seen.add(name)) {
                errs.add(FieldError.duplicate(path.index(i).toString(), name));
            }
            if (!podClaims.contains(name)) {
                String detail = "must be one of the names in pod.spec.resourceClaims"
                        + (podClaims.isEmpty() ? " which is empty" : ": " + String.join(", ", podClaims));
                errs.add(FieldError.notFound(path.index(i).toString(), name).withDetail(detail));
            }
        }
        return errs;
    }

    static boolean isNative(String name) {
        return !name.contains("/") || name.contains("kubernetes.io/");
    }

    static boolean isExtended(String name) {
        return !isNative(name) && !name.startsWith("requests.")
                && LabelRules.isQualifiedName("requests." + name).isEmpty();
    }

    private static boolean overcommitAllowed(String name) {
        return isNative(name) && !name.startsWith("hugepages-");
    }

    private static boolean isInteger(String name) {
        return INTEGER.contains(name) || isExtended(name);
    }

    private static Map<String, Quantity> sorted(Map<String, Quantity> m) {
        Map<String, Quantity> out = new TreeMap<>();
        if (m != null) {
            m.forEach((k, v) -> {
                if (k != null) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }
}
