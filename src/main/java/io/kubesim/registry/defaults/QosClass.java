package io.kubesim.registry.defaults;

import io.kubesim.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The pod QoS class, as {@code pkg/apis/core/helper/qos/qos.go} {@code ComputePodQOS} computes it.
 *
 * <p>Only {@code cpu} and {@code memory} quantities greater than zero count. Requests and limits are summed
 * over all regular and init containers (ephemeral containers cannot have resources). A container's missing
 * requests are taken from its limits, as {@code SetDefaults_Pod} would have done. When pod-level resources
 * ({@code spec.resources}) set cpu, memory or hugepages, only they are used (PodLevelResources, on by default).
 */
public final class QosClass {

    /** Every container has cpu and memory limits, and the summed requests equal the summed limits. */
    public static final String GUARANTEED = "Guaranteed";
    /** Anything in between. */
    public static final String BURSTABLE = "Burstable";
    /** No cpu or memory request or limit anywhere. */
    public static final String BEST_EFFORT = "BestEffort";

    private static final Set<String> QOS_RESOURCES = Set.of("cpu", "memory");

    private QosClass() {
    }

    /** The QoS class of a pod spec; a null spec is {@code BestEffort}. */
    public static String of(PodSpec spec) {
        if (spec == null) {
            return BEST_EFFORT;
        }
        Map<String, BigDecimal> requests = new HashMap<>();
        Map<String, BigDecimal> limits = new HashMap<>();
        boolean guaranteed;
        if (podLevelResourcesSet(spec.getResources())) {
            ResourceRequirements pod = spec.getResources();
            add(requests, ResourceLists.effectiveRequests(pod));
            guaranteed = add(limits, pod.getLimits()).containsAll(QOS_RESOURCES);
        } else {
            guaranteed = true;
            for (Container c : allContainers(spec)) {
                ResourceRequirements r = c.getResources();
                add(requests, ResourceLists.effectiveRequests(r));
                guaranteed &= add(limits, r == null ? null : r.getLimits()).containsAll(QOS_RESOURCES);
            }
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return BEST_EFFORT;
        }
        boolean equal = requests.entrySet().stream()
                .allMatch(e -> limits.containsKey(e.getKey()) && limits.get(e.getKey()).compareTo(e.getValue()) == 0);
        return guaranteed && equal && requests.size() == limits.size() ? GUARANTEED : BURSTABLE;
    }

    private static List<Container> allContainers(PodSpec spec) {
        return Stream.concat(
                        spec.getContainers() == null ? Stream.empty() : spec.getContainers().stream(),
                        spec.getInitContainers() == null ? Stream.empty() : spec.getInitContainers().stream())
                .filter(Objects::nonNull).toList();
    }

    /** Adds the positive cpu/memory quantities of {@code list} to {@code sums}; returns the names found. */
    private static Set<String> add(Map<String, BigDecimal> sums, Map<String, Quantity> list) {
        Set<String> found = new HashSet<>();
        if (list == null) {
            return found;
        }
        list.forEach((name, q) -> {
            BigDecimal v = Quantities.value(q).orElse(BigDecimal.ZERO);
            if (QOS_RESOURCES.contains(name) && v.signum() > 0) {
                found.add(name);
                sums.merge(name, v, BigDecimal::add);
            }
        });
        return found;
    }

    private static boolean podLevelResourcesSet(ResourceRequirements r) {
        if (r == null) {
            return false;
        }
        return Stream.concat(keys(r.getRequests()), keys(r.getLimits()))
                .anyMatch(n -> QOS_RESOURCES.contains(n) || n.startsWith("hugepages-"));
    }

    private static Stream<String> keys(Map<String, Quantity> list) {
        return list == null ? Stream.empty() : list.keySet().stream().filter(Objects::nonNull);
    }
}
