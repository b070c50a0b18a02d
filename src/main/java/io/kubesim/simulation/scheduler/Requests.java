package io.kubesim.simulation.scheduler;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubesim.quantity.Quantities;
import io.kubesim.quantity.TextMemo;

import java.util.List;
import java.util.Map;

/**
 * A pod's resource requests the way the scheduler counts them: max(sum of regular containers,
 * largest init container) plus overhead; "non-zero" requests (100m cpu, 200Mi memory per
 * container without one) for scoring.
 *
 * @param cpuMilli     requested cpu in millicores
 * @param memory       requested memory in bytes
 */
public record Requests(long cpuMilli, long memory) {

    static final long DEFAULT_CPU_MILLI = 100;
    static final long DEFAULT_MEMORY = 200L * 1024 * 1024;

    public static Requests of(PodSpec spec, boolean nonZero) {
        long cpu = 0;
        long mem = 0;
        for (Container c : nz(spec.getContainers())) {
            cpu += cpu(c, nonZero);
            mem += memory(c, nonZero);
        }
        for (Container c : nz(spec.getInitContainers())) {
            if ("Always".equals(c.getRestartPolicy())) {
                cpu += cpu(c, nonZero);
                mem += memory(c, nonZero);
            } else {
                cpu = Math.max(cpu, cpu(c, nonZero));
                mem = Math.max(mem, memory(c, nonZero));
            }
        }
        Map<String, Quantity> overhead = spec.getOverhead();
        if (overhead != null) {
            cpu += milli(overhead.get("cpu"));
            mem += value(overhead.get("memory"));
        }
        return new Requests(cpu, mem);
    }

    private static <T> List<T> nz(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static Map<String, Quantity> requests(Container c) {
        return c.getResources() == null || c.getResources().getRequests() == null ? Map.of() : c.getResources().getRequests();
    }

    private static long cpu(Container c, boolean nonZero) {
        Quantity q = requests(c).get("cpu");
        return q == null ? (nonZero ? DEFAULT_CPU_MILLI : 0) : milli(q);
    }

    private static long memory(Container c, boolean nonZero) {
        Quantity q = requests(c).get("memory");
        return q == null ? (nonZero ? DEFAULT_MEMORY : 0) : value(q);
    }

    static long milli(Quantity q) {
        return q == null ? 0 : MILLI.get(q.toString());
    }

    static long value(Quantity q) {
        return q == null ? 0 : VALUE.get(q.toString());
    }

    /** Parsed by text once: a scheduling cycle reads every candidate node's allocatable and the pod's requests. */
    private static final TextMemo<Long> MILLI = new TextMemo<>(t -> Quantities.tryParse(t)
            .map(p -> Quantities.ceilMilliValue(p.value())).orElse(0L));
    private static final TextMemo<Long> VALUE = new TextMemo<>(t -> Quantities.tryParse(t)
            .map(p -> Quantities.ceilValue(p.value())).orElse(0L));
}
