package io.kubesim.api;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.registry.ApiObject;
import io.kubesim.registry.ListOptions;
import io.kubesim.registry.ResourceRegistry;
import io.kubesim.registry.ResourceStrategy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges read from the registry's in-memory state (never SQL): {@code apiserver_storage_objects{resource}} for every
 * kind of the catalog, {@code kubesim_pods{phase}} and {@code kubesim_simulated_nodes{ready}} (every Node runs a
 * simulated kubelet while {@code kubesim.simulation.enabled} is true; none does otherwise). Pod and node counts are
 * a snapshot taken by {@link #refresh()} (each {@code /metrics} scrape) or, for other readers, at most a second old.
 */
final class ClusterGauges {

    static final List<String> PHASES = List.of("Pending", "Running", "Succeeded", "Failed", "Unknown");
    static final List<String> READY = List.of("True", "False", "Unknown");
    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private final ResourceRegistry registry;
    private final boolean simulation;
    private final Map<String, AtomicLong> pods = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> nodes = new ConcurrentHashMap<>();
    private volatile long takenAt = System.nanoTime() - 2 * MAX_AGE_NANOS;

    ClusterGauges(ResourceRegistry registry, boolean simulation, MeterRegistry meters) {
        this.registry = registry;
        this.simulation = simulation;
        for (ResourceStrategy<?> s : registry.catalog().all()) {
            Gauge.builder("apiserver.storage.objects", () -> registry.count(s))
                    .description("Number of stored objects at the time of last check split by kind.")
                    .tag("resource", s.type().resource()).register(meters);
        }
        for (String phase : PHASES) {
            AtomicLong n = pods.computeIfAbsent(phase, p -> new AtomicLong());
            Gauge.builder("kubesim.pods", () -> current(n)).description("Pods by status.phase")
                    .tag("phase", phase).register(meters);
        }
        for (String ready : READY) {
            AtomicLong n = nodes.computeIfAbsent(ready, r -> new AtomicLong());
            Gauge.builder("kubesim.simulated.nodes", () -> current(n))
                    .description("Nodes run by the simulated kubelets, by the status of their Ready condition")
                    .tag("ready", ready).register(meters);
        }
    }

    private long current(AtomicLong n) {
        if (System.nanoTime() - takenAt > MAX_AGE_NANOS) {
            refresh();
        }
        return n.get();
    }

    /** Recounts pods by phase (one field-selected list per phase) and nodes by readiness. */
    synchronized void refresh() {
        ResourceStrategy<Pod> podStrategy = registry.catalog().strategy(Pod.class);
        for (String phase : PHASES) {
            pods.get(phase).set(registry.list(podStrategy, null, ListOptions.fields("status.phase=" + phase)).items().size());
        }
        Map<String, Long> ready = new ConcurrentHashMap<>();
        if (simulation) {
            ResourceStrategy<Node> nodeStrategy = registry.catalog().strategy(Node.class);
            for (ApiObject o : registry.list(nodeStrategy, null, ListOptions.all()).items()) {
                ready.merge(readyStatus(registry.decode(o, nodeStrategy)), 1L, Long::sum);
            }
        }
        READY.forEach(r -> nodes.get(r).set(ready.getOrDefault(r, 0L)));
        takenAt = System.nanoTime();
    }

    private static String readyStatus(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return "Unknown";
        }
        return node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
                .map(NodeCondition::getStatus).filter(READY::contains).findFirst().orElse("Unknown");
    }
}
