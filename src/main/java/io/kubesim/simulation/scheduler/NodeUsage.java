package io.kubesim.simulation.scheduler;

import io.fabric8.kubernetes.api.model.Pod;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is already requested on every node, kept from pod events (non-terminal pods bound to a node,
 * terminating ones included) plus pods this scheduler just bound ("assumed") until their binding is
 * seen. Each pod is counted once, by uid.
 */
final class NodeUsage {

    /** One node's totals. */
    static final class Totals {
        long cpuMilli;
        long memory;
        long nonZeroCpuMilli;
        long nonZeroMemory;
        int pods;
    }

    private record Contribution(String node, Requests real, Requests nonZero) {
    }

    private final Map<String, Totals> nodes = new ConcurrentHashMap<>();
    private final Map<String, Contribution> byPod = new ConcurrentHashMap<>();

    Totals of(String node) {
        Totals t = nodes.get(node);
        return t == null ? new Totals() : t;
    }

    static boolean counts(Pod p) {
        String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
        return p.getSpec().getNodeName() != null && !p.getSpec().getNodeName().isEmpty()
                && !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }

    synchronized void update(Pod p) {
        remove(p.getMetadata().getUid());
        if (counts(p)) {
            add(p.getMetadata().getUid(), p.getSpec().getNodeName(), p);
        }
    }

    synchronized void assume(Pod p, String node) {
        remove(p.getMetadata().getUid());
        add(p.getMetadata().getUid(), node, p);
    }

    private void add(String uid, String node, Pod p) {
        Contribution c = new Contribution(node, Requests.of(p.getSpec(), false), Requests.of(p.getSpec(), true));
        byPod.put(uid, c);
        Totals t = nodes.computeIfAbsent(node, n -> new Totals());
        t.cpuMilli += c.real().cpuMilli();
        t.memory += c.real().memory();
        t.nonZeroCpuMilli += c.nonZero().cpuMilli();
        t.nonZeroMemory += c.nonZero().memory();
        t.pods++;
    }

    synchronized void remove(String uid) {
        Contribution c = byPod.remove(uid);
        if (c == null) {
            return;
        }
        Totals t = nodes.get(c.node());
        if (t != null) {
            t.cpuMilli -= c.real().cpuMilli();
            t.memory -= c.real().memory();
            t.nonZeroCpuMilli -= c.nonZero().cpuMilli();
            t.nonZeroMemory -= c.nonZero().memory();
            t.pods--;
        }
    }
}
