package io.kubesim.simulation.nodes;

import io.fabric8.kubernetes.api.model.DaemonEndpoint;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeDaemonEndpoints;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.DaemonThreads;
import io.kubesim.controller.Informer;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.ResourceClient;
import io.kubesim.simulation.SimulationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The node side of every simulated kubelet: for each Node (configured or created through the API)
 * it fills in what a kubelet registers (addresses, capacity, nodeInfo, podCIDR), renews the node's
 * Lease and re-posts its status — unless the node carries {@code kubesim.io/unreachable: "true"},
 * which stops all of that until the annotation goes.
 */
public final class NodeAgents implements AutoCloseable {

    /** Set to "true" on a Node to cut its kubelet off; remove it to bring the node back. */
    public static final String UNREACHABLE = "kubesim.io/unreachable";
    static final String LEASE_NAMESPACE = "kube-node-lease";

    private static final Logger log = LoggerFactory.getLogger(NodeAgents.class);
    private static final long TICK_MILLIS = 100;
    private static final int HEARTBEAT_THREADS = 8;

    private final ResourceClient client;
    private final ClusterTime time;
    private final SimulationProperties props;
    private final ScheduledExecutorService timer;
    private final Informer<Node> nodes;
    private final Map<String, SimulatedNode> simulated = new ConcurrentHashMap<>();
    /** When each tracked node's next heartbeat is due ({@link System#nanoTime()} milliseconds). */
    private final Map<String, Long> heartbeats = new ConcurrentHashMap<>();
    private final ExecutorService beats = Executors.newFixedThreadPool(HEARTBEAT_THREADS,
            DaemonThreads.named("kubesim-heartbeat"));
    /** The grid's own clock: the shared control-plane timer can be busy for seconds (an event TTL sweep) at scale. */
    private final ScheduledExecutorService tickTimer = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("kubesim-heartbeat-tick"));
    /** Nodes whose heartbeat is queued or running: a slow one is not queued again behind itself. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> ticker;
    private final Map<String, Instant> lastStatusPost = new ConcurrentHashMap<>();
    private final List<Consumer<String>> reachabilityListeners = new CopyOnWriteArrayList<>();

    public NodeAgents(ResourceClient client, InformerFactory informers, ClusterTime time, SimulationProperties props,
                      ScheduledExecutorService timer) {
        this.client = client.as("kubelet");
        this.time = time;
        this.props = props;
        this.timer = timer;
        this.nodes = informers.informer(Node.class);
        nodes.addHandler(new Informer.Handler<>() {
            @Override
            public void onAdd(Node node) {
                timer.execute(() -> track(node));
            }

            @Override
            public void onUpdate(Node old, Node current) {
                timer.execute(() -> track(current));
            }

            @Override
            public void onDelete(Node node) {
                forget(node.getMetadata().getName());
            }
        });
    }

    /** Called with a node name whenever its kubelet goes away or comes back. */
    public void onReachabilityChange(Consumer<String> listener) {
        reachabilityListeners.add(listener);
    }

    public SimulatedNode node(String name) {
        return simulated.get(name);
    }

    public Collection<SimulatedNode> all() {
        return simulated.values();
    }

    static boolean unreachable(Node node) {
        var a = node.getMetadata().getAnnotations();
        return a != null && "true".equalsIgnoreCase(a.get(UNREACHABLE));
    }

    private void track(Node node) {
        String name = node.getMetadata().getName();
        try {
            String ip = internalIp(node);
            String cidr = node.getSpec() == null ? null : node.getSpec().getPodCIDR();
            if (ip == null || cidr == null || node.getStatus() == null || !registered(node.getStatus().getNodeInfo())) {
                if (!unreachable(node)) { // a kubelet cut off never registers; it does when the annotation goes
                    register(node);
                }
                return;
            }
            SimulatedNode sim = simulated.computeIfAbsent(name, n -> new SimulatedNode(n, ip, cidr));
            boolean reachable = !unreachable(node);
            if (sim.reachable() != reachable) {
                sim.reachable(reachable);
                log.info("node {} is now {}", name, reachable ? "reachable" : "unreachable");
                if (reachable) {
                    timer.execute(() -> heartbeat(name, true));
                }
                reachabilityListeners.forEach(l -> l.accept(name));
            }
            heartbeats.computeIfAbsent(name, n -> nowMillis() + ThreadLocalRandom.current().nextLong(Math.max(1, renewMillis())));
            startTicker();
        } catch (RuntimeException e) {
            log.warn("cannot simulate node {}: {}", name, e.toString());
        }
    }

    /**
     * Heartbeats run on a grid: every tick, the nodes whose renewal is due renew together on a small pool, so their
     * writes share the store's group commits (5,000 nodes renewing every 10 s make ~50 per 100 ms tick instead of 500
     * separate commits per second). Each node keeps its own random phase, rounded to the tick.
     */
    private synchronized void startTicker() {
        if (ticker == null) {
            long tick = Math.min(TICK_MILLIS, renewMillis());
            ticker = tickTimer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        try {
            long now = nowMillis();
            long renew = renewMillis();
            for (Map.Entry<String, Long> e : heartbeats.entrySet()) {
                long due = e.getValue();
                String name = e.getKey();
                // replace, not setValue: a node forgotten meanwhile must not come back
                if (due <= now && heartbeats.replace(name, due, due + renew <= now ? now + renew : due + renew)
                        && inFlight.add(name)) {
                    try {
                        beats.execute(() -> {
                            try {
                                heartbeat(name, false);
                            } finally {
                                inFlight.remove(name);
                            }
                        });
                    } catch (RejectedExecutionException closing) {
                        inFlight.remove(name);
                    }
                }
            }
        } catch (RuntimeException e) {
            // an exception would cancel the fixed-rate task and silence every node
            log.warn("heartbeat tick failed", e);
        }
    }

    private static long nowMillis() {
        return System.nanoTime() / 1_000_000;
    }

    private long renewMillis() {
        return Math.max(10, time.real(props.leaseRenewInterval()).toMillis());
    }

    static String internalIp(Node node) {
        if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
            return null;
        }
        for (NodeAddress a : node.getStatus().getAddresses()) {
            if ("InternalIP".equals(a.getType())) {
                return a.getAddress();
            }
        }
        return null;
    }

    /** What a kubelet registers for a node that lacks it: podCIDR, addresses, capacity, nodeInfo, conditions. */
    private void register(Node node) {
        String name = node.getMetadata().getName();
        int index = freeIndex();
        if (node.getSpec() == null || node.getSpec().getPodCIDR() == null) {
            client.edit(Node.class, null, name, n -> {
                if (n.getSpec() == null) {
                    n.setSpec(new NodeSpec());
                } else if (n.getSpec().getPodCIDR() != null) {
                    return null;
                }
                n.getSpec().setPodCIDR(NodeShapes.podCidr(index));
                n.getSpec().setPodCIDRs(List.of(NodeShapes.podCidr(index)));
                return n;
            });
        }
        client.editStatus(Node.class, null, name, n -> {
            NodeStatus s = n.getStatus() == null ? new NodeStatus() : n.getStatus();
            if (internalIp(n) == null) {
                s.setAddresses(NodeShapes.addresses(name, NodeShapes.internalIp(index)));
            }
            if (s.getCapacity() == null || s.getCapacity().isEmpty()) {
                s.setCapacity(NodeShapes.resources(props.nodeCpu(), props.nodeMemory(), props.nodePods()));
            }
            if (s.getAllocatable() == null || s.getAllocatable().isEmpty()) {
                s.setAllocatable(s.getCapacity());
            }
            if (!registered(s.getNodeInfo())) {
                s.setNodeInfo(NodeShapes.nodeInfo(name));
            }
            s.setDaemonEndpoints(new NodeDaemonEndpoints(new DaemonEndpoint(10250)));
            s.setConditions(NodeShapes.healthyConditions(time.now(), s.getConditions()));
            n.setStatus(s);
            return n;
        });
    }

    /** A kubelet has reported its system info (the API server shows an unreported one as empty strings). */
    static boolean registered(NodeSystemInfo info) {
        return info != null && info.getKubeletVersion() != null && !info.getKubeletVersion().isEmpty();
    }

    private synchronized int freeIndex() {
        int max = -1;
        for (Node n : nodes.list()) {
            String cidr = n.getSpec() == null ? null : n.getSpec().getPodCIDR();
            if (cidr != null && cidr.startsWith("10.")) {
                String[] p = cidr.split("/")[0].split("\\.");
                int idx = ((Integer.parseInt(p[0]) - 10) << 16 | Integer.parseInt(p[1]) << 8 | Integer.parseInt(p[2])) - (244 << 8);
                max = Math.max(max, idx);
            }
        }
        return max + 1;
    }

    private void forget(String name) {
        simulated.remove(name);
        heartbeats.remove(name);
    }

    /** Renews the lease; re-posts the node status when due (or when {@code force}). */
    private void heartbeat(String name, boolean force) {
        SimulatedNode sim = simulated.get(name);
        Node node = nodes.get(null, name);
        if (sim == null || node == null || !sim.reachable()) {
            return;
        }
        try {
            renewLease(node);
            Instant now = time.now();
            Instant last = lastStatusPost.get(name);
            boolean due = last == null || Duration.between(last, now).compareTo(time.real(props.nodeStatusReportFrequency())) >= 0;
            if (force || due || !healthy(node)) {
                postStatus(name, now);
                lastStatusPost.put(name, now);
            }
        } catch (ClientException e) {
            log.debug("heartbeat of {} failed: {}", name, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("heartbeat of {} failed", name, e);
        }
    }

    private static boolean healthy(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        for (NodeCondition c : node.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                return "True".equals(c.getStatus());
            }
        }
        return false;
    }

    private void postStatus(String name, Instant now) {
        client.editStatus(Node.class, null, name, n -> {
            List<NodeCondition> kept = new ArrayList<>();
            List<NodeCondition> previous = n.getStatus().getConditions() == null ? List.of() : n.getStatus().getConditions();
            for (NodeCondition c : previous) {
                if (!List.of("MemoryPressure", "DiskPressure", "PIDPressure", "Ready").contains(c.getType())) {
                    kept.add(c);
                }
            }
            kept.addAll(NodeShapes.healthyConditions(now, previous));
            n.getStatus().setConditions(kept);
            return n;
        });
    }

    private void renewLease(Node node) {
        String name = node.getMetadata().getName();
        java.time.ZonedDateTime renew = java.time.ZonedDateTime.ofInstant(time.now().truncatedTo(ChronoUnit.MICROS),
                java.time.ZoneOffset.UTC);
        int seconds = (int) props.leaseDuration().toSeconds();
        try {
            client.edit(Lease.class, LEASE_NAMESPACE, name, l -> {
                l.getSpec().setRenewTime(renew);
                l.getSpec().setHolderIdentity(name);
                l.getSpec().setLeaseDurationSeconds(seconds);
                return l;
            });
        } catch (ClientException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            Lease lease = new Lease();
            ObjectMeta m = new ObjectMeta();
            m.setName(name);
            m.setNamespace(LEASE_NAMESPACE);
            OwnerReference owner = new OwnerReference();
            owner.setApiVersion("v1");
            owner.setKind("Node");
            owner.setName(name);
            owner.setUid(node.getMetadata().getUid());
            m.setOwnerReferences(List.of(owner));
            lease.setMetadata(m);
            LeaseSpec spec = new LeaseSpec();
            spec.setHolderIdentity(name);
            spec.setLeaseDurationSeconds(seconds);
            spec.setRenewTime(renew);
            lease.setSpec(spec);
            try {
                client.create(lease);
            } catch (ClientException raced) {
                if (!raced.isAlreadyExists()) {
                    throw raced;
                }
            }
        }
    }

    /** Whether the node has posted a healthy Ready condition (for tests and the pool). */
    public boolean isReady(String name) {
        Node n = nodes.get(null, name);
        return n != null && healthy(n) && Objects.equals(n.getMetadata().getName(), name);
    }

    @Override
    public void close() {
        ScheduledFuture<?> t = ticker;
        if (t != null) {
            t.cancel(false);
        }
        heartbeats.clear();
        tickTimer.shutdownNow();
        beats.shutdownNow();
    }
}
