package io.kubesim.simulation.scheduler;

import io.fabric8.kubernetes.api.model.Pod;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is already requested on every node, kept from pod events (non-terminal pods bound to a node,
 * terminating ones included) plus pods this scheduler assumed on a node while their binding is in flight
 * (kube-scheduler's cache does the same: an assumed pod counts until its binding is seen, or is forgotten when the
 * binding fails). Each pod is counted once, by uid.
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

    private record Contribution(String node, Requests real, Requests nonZero, boolean assumed) {
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

    /** A pod event: bound pods count where they are bound; an unbound one keeps its assumption, if any. */
    synchronized void update(Pod p) {
        String uid = p.getMetadata().getUid();
        if (counts(p)) {
            remove(uid);
            add(uid, p.getSpec().getNodeName(), p, false);
            return;
        }
        Contribution c = byPod.get(uid);
        if (c == null || !c.assumed()) {
            remove(uid);
        }
    }

    /** Counts {@code p} on {@code node} before its binding is written. */
    synchronized void assume(Pod p, String node) {
        remove(p.getMetadata().getUid());
        add(p.getMetadata().getUid(), node, p, true);
    }

    /** Drops an assumption whose binding failed (a pod seen bound meanwhile stays counted). */
    synchronized void forget(String uid) {
        Contribution c = byPod.get(uid);
        if (c != null && c.assumed()) {
            remove(uid);
        }
    }

    private void add(String uid, String node, Pod p, boolean assumed) {
        Contribution c = new Contribution(node, Requests.of(p.getSpec(), false), Requests.of(p.getSpec(), true), assumed);
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
