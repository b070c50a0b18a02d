package io.kubesim.registry.defaults;

import io.kubesim.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resource-list defaulting ({@code SetDefaults_ResourceList} and the requests-from-limits rule of pods). */
final class ResourceLists {

    private ResourceLists() {
    }

    /**
     * {@code SetDefaults_ResourceList}: every valid quantity is rounded up to milli precision and stored in its
     * canonical form (what the API server serializes). Invalid quantities are left for validation to report.
     */
    static void roundUpToMilli(Map<String, Quantity> list) {
        if (list == null) {
            return;
        }
        list.replaceAll((name, q) -> {
            if (q == null) {
                return null;
            }
            String text = q.toString();
            return Quantities.canonicalResource(text).filter(c -> !c.equals(text)).map(Quantity::new).orElse(q);
        });
    }

    /** Rounds both lists of a container's requirements; null-tolerant. */
    static void roundUpToMilli(ResourceRequirements r) {
        if (r != null) {
            roundUpToMilli(r.getLimits());
            roundUpToMilli(r.getRequests());
        }
    }

    /**
     * {@code SetDefaults_Pod}: when limits are given, each limit without a request becomes the request too
     * (pods only, not templates).
     */
    static void defaultRequestsFromLimits(ResourceRequirements r) {
        if (r == null || r.getLimits() == null || r.getLimits().isEmpty()) {
            return;
        }
        Map<String, Quantity> requests = r.getRequests() == null ? new LinkedHashMap<>() : r.getRequests();
        r.getLimits().forEach((name, limit) -> {
            if (!requests.containsKey(name) && limit != null) {
                requests.put(name, new Quantity(limit.toString()));
            }
        });
        r.setRequests(requests);
    }

    /** The effective requests of a container: requests plus limits for names without a request. */
    static Map<String, Quantity> effectiveRequests(ResourceRequirements r) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        if (r == null) {
            return out;
        }
        if (r.getRequests() != null) {
            out.putAll(r.getRequests());
        }
        if (r.getLimits() != null) {
            r.getLimits().forEach(out::putIfAbsent);
        }
        return out;
    }
}
