package io.kubesim.simulation.nodes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.Deletion;
import io.kubesim.controller.EventRecorder;
import io.kubesim.controller.Informer;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.ResourceClient;
import io.kubesim.simulation.SimulationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * kube-controller-manager's node lifecycle and taint-eviction controllers: a node whose lease and
 * status heartbeats stop for the grace period turns Unknown, gets the {@code unreachable} taints, and
 * its pods turn not Ready (and phase {@code Unknown} in the seed's legacy mode); pods that do not
 * tolerate the NoExecute taint are evicted after their toleration seconds. A node that heartbeats
 * again loses the taints.
 */
public final class NodeLifecycleController implements AutoCloseable {

    static final String UNREACHABLE_TAINT = "node.kubernetes.io/unreachable";
    private static final Logger log = LoggerFactory.getLogger(NodeLifecycleController.class);
    private static final EventRecorder.Source NODE_CONTROLLER = new EventRecorder.Source("node-controller", null);
    private static final EventRecorder.Source TAINT_EVICTION = new EventRecorder.Source("taint-eviction-controller", null);
    /** The conditions the node controller marks Unknown, in its order. */
    private static final List<String> HEALTH = List.of("Ready", "MemoryPressure", "DiskPressure", "PIDPressure");

    private final ResourceClient client;
    private final ClusterTime time;
    private final EventRecorder events;
    private final SimulationProperties props;
    private final Informer<Node> nodes;
    private final Informer<Pod> pods;
    private final Informer<Lease> leases;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> task;

    public NodeLifecycleController(ResourceClient client, InformerFactory informers, ClusterTime time, EventRecorder events,
                                   SimulationProperties props, ScheduledExecutorService timer) {
        this.client = client.as("node-controller");
        this.time = time;
        this.events = events;
        this.props = props;
        this.nodes = informers.informer(Node.class);
        this.pods = informers.informer(Pod.class);
        this.leases = informers.informer(Lease.class);
        pods.addIndex("nodeName", p -> List.of(p.getSpec() == null || p.getSpec().getNodeName() == null ? ""
                : p.getSpec().getNodeName()));
        this.timer = timer;
    }

    public void start() {
        long period = Math.max(10, time.real(props.nodeMonitorPeriod()).toMillis());
        task = timer.scheduleWithFixedDelay(this::monitor, period, period, TimeUnit.MILLISECONDS);
    }

    /** One pass over every node (also callable directly). */
    public void monitor() {
        Instant now = time.now();
        for (Node node : nodes.list()) {
            try {
                check(node, now);
            } catch (ClientException e) {
                log.debug("node lifecycle of {}: {}", node.getMetadata().getName(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("node lifecycle of {} failed", node.getMetadata().getName(), e);
            }
        }
    }

    private void check(Node node, Instant now) {
        String name = node.getMetadata().getName();
        Instant probe = lastHeard(node);
        NodeCondition ready = condition(node, "Ready");
        // a kubelet that never posted gets the startup grace period, and its node was never ready: no event, no
        // pods to mark (upstream's fake Unknown "observed" condition)
        Duration grace = ready == null ? props.nodeStartupGracePeriod() : props.nodeMonitorGracePeriod();
        boolean silent = probe == null || Duration.between(probe, now).compareTo(time.real(grace)) > 0;
        if (silent) {
            if (ready == null) {
                markUnknown(node, now);
            } else if (!"Unknown".equals(ready.getStatus())) {
                markUnknown(node, now);
                events.warning(node, null, NODE_CONTROLLER, "NodeNotReady", "Node " + name + " status is now: NodeNotReady");
                markPodsNotReady(name);
            }
            ensureTaints(name, now);
            evict(node, now);
        } else if (ready != null && "True".equals(ready.getStatus()) && hasUnreachableTaint(node)) {
            removeTaints(name);
        }
    }

    private Instant lastHeard(Node node) {
        Instant best = parse(node.getMetadata().getCreationTimestamp());
        NodeCondition ready = condition(node, "Ready");
        if (ready != null && !"Unknown".equals(ready.getStatus())) {
            best = max(best, parse(ready.getLastHeartbeatTime()));
        }
        Lease lease = leases.get(NodeAgents.LEASE_NAMESPACE, node.getMetadata().getName());
        if (lease != null && lease.getSpec() != null && lease.getSpec().getRenewTime() != null) {
            best = max(best, lease.getSpec().getRenewTime().toInstant());
        }
        return best;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    static Instant parse(String t) {
        if (t == null || t.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static NodeCondition condition(Node node, String type) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return null;
        }
        return node.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    /**
     * Every health condition becomes Unknown: a condition the kubelet posted keeps its heartbeat
     * ({@code NodeStatusUnknown}); one it never posted is added with the node's creation as its heartbeat
     * ({@code NodeStatusNeverUpdated}), as {@code tryUpdateNodeHealth} does.
     */
    private void markUnknown(Node node, Instant now) {
        client.editStatus(Node.class, null, node.getMetadata().getName(), n -> {
            NodeStatus status = n.getStatus() == null ? new NodeStatus() : n.getStatus();
            List<NodeCondition> out = new ArrayList<>(status.getConditions() == null ? List.of() : status.getConditions());
            for (String type : HEALTH) {
                int at = indexOf(out, type);
                if (at < 0) {
                    out.add(unknown(type, "NodeStatusNeverUpdated", "Kubelet never posted node status.",
                            n.getMetadata().getCreationTimestamp(), now));
                } else if (!"Unknown".equals(out.get(at).getStatus())) {
                    out.set(at, unknown(type, "NodeStatusUnknown", "Kubelet stopped posting node status.",
                            out.get(at).getLastHeartbeatTime(), now));
                }
            }
            status.setConditions(out);
            n.setStatus(status);
            return n;
        });
    }

    private static int indexOf(List<NodeCondition> conditions, String type) {
        for (int i = 0; i < conditions.size(); i++) {
            if (type.equals(conditions.get(i).getType())) {
                return i;
            }
        }
        return -1;
    }

    private static NodeCondition unknown(String type, String reason, String message, String heartbeat, Instant now) {
        NodeCondition u = new NodeCondition();
        u.setType(type);
        u.setStatus("Unknown");
        u.setReason(reason);
        u.setMessage(message);
        u.setLastHeartbeatTime(heartbeat);
        u.setLastTransitionTime(NodeShapes.time(now));
        return u;
    }

    private void markPodsNotReady(String nodeName) {
        for (Pod pod : pods.byIndex("nodeName", nodeName)) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
                continue;
            }
            try {
                client.editStatus(Pod.class, pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                        p -> notReady(p, nodeName));
                events.warning(pod, null, NODE_CONTROLLER, "NodeNotReady", "Node is not ready");
            } catch (ClientException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
        }
    }

    private Pod notReady(Pod p, String nodeName) {
        PodStatus s = p.getStatus() == null ? new PodStatus() : p.getStatus();
        List<PodCondition> conditions = new ArrayList<>(s.getConditions() == null ? List.of() : s.getConditions());
        boolean changed = false;
        for (int i = 0; i < conditions.size(); i++) {
            PodCondition c = conditions.get(i);
            if ("Ready".equals(c.getType()) && !"False".equals(c.getStatus())) {
                PodCondition f = new PodCondition();
                f.setType("Ready");
                f.setStatus("False");
                f.setReason(c.getReason());
                f.setMessage(props.legacyUnknownPhase() ? "Node " + nodeName + " is unreachable: its kubelet stopped posting status"
                        : c.getMessage());
                f.setLastTransitionTime(NodeShapes.time(time.now()));
                conditions.set(i, f);
                changed = true;
            }
        }
        if (props.legacyUnknownPhase() && !"Unknown".equals(s.getPhase())) {
            s.setPhase("Unknown");
            changed = true;
        }
        if (!changed) {
            return null;
        }
        s.setConditions(conditions);
        p.setStatus(s);
        return p;
    }

    private static boolean hasUnreachableTaint(Node node) {
        return node.getSpec() != null && node.getSpec().getTaints() != null
                && node.getSpec().getTaints().stream().anyMatch(t -> UNREACHABLE_TAINT.equals(t.getKey()));
    }

    private void ensureTaints(String name, Instant now) {
        client.edit(Node.class, null, name, n -> {
            List<Taint> taints = new ArrayList<>(n.getSpec().getTaints() == null ? List.of() : n.getSpec().getTaints());
            boolean changed = false;
            for (String effect : List.of("NoSchedule", "NoExecute")) {
                if (taints.stream().noneMatch(t -> UNREACHABLE_TAINT.equals(t.getKey()) && effect.equals(t.getEffect()))) {
                    Taint t = new Taint();
                    t.setKey(UNREACHABLE_TAINT);
                    t.setEffect(effect);
                    if (effect.equals("NoExecute")) {
                        t.setTimeAdded(NodeShapes.time(now));
                    }
                    taints.add(t);
                    changed = true;
                }
            }
            if (!changed) {
                return null;
            }
            n.getSpec().setTaints(taints);
            return n;
        });
    }

    private void removeTaints(String name) {
        client.edit(Node.class, null, name, n -> {
            List<Taint> taints = new ArrayList<>(n.getSpec().getTaints() == null ? List.of() : n.getSpec().getTaints());
            if (!taints.removeIf(t -> UNREACHABLE_TAINT.equals(t.getKey()))) {
                return null;
            }
            n.getSpec().setTaints(taints.isEmpty() ? null : taints);
            return n;
        });
    }

    /** Taint eviction: pods that do not tolerate the NoExecute taint long enough are deleted. */
    private void evict(Node node, Instant now) {
        Taint taint = node.getSpec() == null || node.getSpec().getTaints() == null ? null : node.getSpec().getTaints().stream()
                .filter(t -> UNREACHABLE_TAINT.equals(t.getKey()) && "NoExecute".equals(t.getEffect())).findFirst().orElse(null);
        if (taint == null) {
            return;
        }
        Instant added = parse(taint.getTimeAdded());
        for (Pod pod : pods.byIndex("nodeName", node.getMetadata().getName())) {
            if (pod.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            Long tolerated = tolerationSeconds(pod, taint);
            if (tolerated != null && tolerated < 0) {
                continue;
            }
            Duration wait = time.real(Duration.ofSeconds(tolerated == null ? 0 : tolerated));
            if (added != null && now.isBefore(added.plus(wait))) {
                continue;
            }
            evictPod(pod, node.getMetadata().getName());
        }
    }

    /** The smallest tolerationSeconds among matching tolerations; null = not tolerated; -1 = forever. */
    static Long tolerationSeconds(Pod pod, Taint taint) {
        Long best = null;
        boolean forever = false;
        for (Toleration t : pod.getSpec().getTolerations() == null ? List.<Toleration>of() : pod.getSpec().getTolerations()) {
            if (!matches(t, taint)) {
                continue;
            }
            if (t.getTolerationSeconds() == null) {
                forever = true;
            } else {
                best = best == null ? Math.max(0, t.getTolerationSeconds()) : Math.min(best, Math.max(0, t.getTolerationSeconds()));
            }
        }
        if (best != null) {
            return best;
        }
        return forever ? -1L : null;
    }

    private static boolean matches(Toleration t, Taint taint) {
        if (t.getEffect() != null && !t.getEffect().isEmpty() && !t.getEffect().equals(taint.getEffect())) {
            return false;
        }
        if (t.getKey() != null && !t.getKey().isEmpty() && !t.getKey().equals(taint.getKey())) {
            return false;
        }
        return "Exists".equals(t.getOperator()) || Objects.equals(t.getValue() == null ? "" : t.getValue(),
                taint.getValue() == null ? "" : taint.getValue());
    }

    private void evictPod(Pod pod, String nodeName) {
        String ns = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        try {
            client.editStatus(Pod.class, ns, name, p -> {
                PodStatus s = p.getStatus() == null ? new PodStatus() : p.getStatus();
                List<PodCondition> conditions = new ArrayList<>(s.getConditions() == null ? List.of() : s.getConditions());
                conditions.removeIf(c -> "DisruptionTarget".equals(c.getType()));
                PodCondition d = new PodCondition();
                d.setType("DisruptionTarget");
                d.setStatus("True");
                d.setReason("DeletionByTaintManager");
                d.setMessage("Taint manager: deleting due to NoExecute taint");
                d.setLastTransitionTime(NodeShapes.time(time.now()));
                conditions.add(0, d);
                s.setConditions(conditions);
                if (props.legacyUnknownPhase()) {
                    s.setReason("NodeLost");
                    s.setMessage("Node " + nodeName + " which was running pod " + name + " is unresponsive");
                }
                p.setStatus(s);
                return p;
            });
            events.normal(pod, null, TAINT_EVICTION, "TaintManagerEviction", "Marking for deletion Pod " + ns + "/" + name);
            client.delete(Pod.class, ns, name, Deletion.defaults().withUid(pod.getMetadata().getUid()));
        } catch (ClientException e) {
            if (!e.isNotFound() && e.code() != 409) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
