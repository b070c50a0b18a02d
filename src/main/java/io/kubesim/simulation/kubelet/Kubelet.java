package io.kubesim.simulation.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Probe;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.ControllerLoop;
import io.kubesim.controller.Deletion;
import io.kubesim.controller.EventRecorder;
import io.kubesim.controller.Informer;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.Reconciler;
import io.kubesim.controller.ResourceClient;
import io.kubesim.simulation.nodes.NodeAgents;
import io.kubesim.simulation.nodes.SimulatedNode;
import io.kubesim.simulation.probes.Prober;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The simulated kubelets of every node: one reconcile loop keyed by pod, which advances the pod's
 * {@link PodRuntime} to now, writes the resulting status when it changed, records the events, and
 * finishes graceful deletions. Pods on an unreachable node are left alone (their kubelet is gone)
 * and picked up again when it comes back.
 */
public final class Kubelet implements Reconciler {

    private final ResourceClient client;
    private final ClusterTime time;
    private final EventRecorder events;
    private final KubeletSettings settings;
    private final NodeAgents nodes;
    private final Prober prober;
    private final Informer<Pod> pods;
    private final ControllerLoop loop;
    private final Map<String, PodRuntime> runtimes = new ConcurrentHashMap<>();

    public Kubelet(ResourceClient client, InformerFactory informers, ClusterTime time, EventRecorder events,
                   KubeletSettings settings, NodeAgents nodes, Prober prober, int workers,
                   ScheduledExecutorService timer, MeterRegistry meters) {
        this.client = client.as("kubelet");
        this.time = time;
        this.events = events;
        this.settings = settings;
        this.nodes = nodes;
        this.prober = prober;
        this.pods = informers.informer(Pod.class);
        pods.addIndex("nodeName", p -> List.of(nodeName(p)));
        this.loop = new ControllerLoop("kubelet", this, workers, timer, meters);
        pods.addHandler(new Informer.Handler<>() {
            @Override
            public void onAdd(Pod pod) {
                enqueue(pod);
            }

            @Override
            public void onUpdate(Pod old, Pod current) {
                enqueue(current);
            }

            @Override
            public void onDelete(Pod pod) {
                loop.enqueue(Informer.keyOf(pod));
            }
        });
        nodes.onReachabilityChange(node -> pods.byIndex("nodeName", node).forEach(this::enqueue));
    }

    static String nodeName(Pod p) {
        return p.getSpec() == null || p.getSpec().getNodeName() == null ? "" : p.getSpec().getNodeName();
    }

    private void enqueue(Pod pod) {
        if (!nodeName(pod).isEmpty()) {
            loop.enqueue(Informer.keyOf(pod));
        }
    }

    public void start() {
        loop.start();
    }

    public void stop() {
        loop.stop();
    }

    /** pods/log: what a container of a pod printed in its latest (or previous) run; empty when unknown. */
    public java.util.List<io.kubesim.controller.ContainerLogs.Line> lines(String podUid, String container,
                                                                       boolean previous) {
        PodRuntime rt = runtimes.get(podUid);
        java.util.List<LogLine> lines = rt == null ? null : rt.logs(container, previous);
        return lines == null ? java.util.List.of()
                : lines.stream().map(l -> new io.kubesim.controller.ContainerLogs.Line(l.at(), l.text())).toList();
    }

    /** The runtime of a pod (for pods/log), or null. */
    public PodRuntime runtime(String uid) {
        return runtimes.get(uid);
    }

    @Override
    public Result reconcile(String key) {
        Pod pod = pods.get(key);
        if (pod == null) {
            forgetByKey(key);
            return Result.DONE;
        }
        SimulatedNode node = nodes.node(nodeName(pod));
        if (node == null || !node.reachable()) {
            return Result.DONE;
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        PodRuntime rt = runtimes.get(pod.getMetadata().getUid());
        boolean terminal = "Succeeded".equals(phase) || "Failed".equals(phase);
        if (rt == null) {
            if (terminal && pod.getMetadata().getDeletionTimestamp() == null) {
                return Result.DONE;
            }
            rt = new PodRuntime(pod, settings);
            RuntimeRestore.restore(rt, pod, node, time.now());
            runtimes.put(rt.uid(), rt);
        }
        Instant now = time.now();
        SyncContext ctx = new SyncContext(pod, node, rt);
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            long grace = pod.getMetadata().getDeletionGracePeriodSeconds() == null ? rt.gracePeriodSeconds
                    : pod.getMetadata().getDeletionGracePeriodSeconds();
            if (!rt.admitted()) {
                rt.admit(now, ctx);
            }
            rt.startDeletion(now, grace, ctx);
        }
        Instant next = rt.advance(now, ctx);
        writeStatus(pod, rt, node, now);
        ctx.flush();
        if (rt.finished()) {
            finishDeletion(pod, rt, node);
            return Result.DONE;
        }
        return next == null ? Result.DONE : Result.after(Duration.between(time.now(), next));
    }

    private void writeStatus(Pod pod, PodRuntime rt, SimulatedNode node, Instant now) {
        PodStatus desired = PodStatusBuilder.build(pod, rt, node.internalIp(), now);
        if (desired.equals(pod.getStatus())) {
            return;
        }
        try {
            client.editStatus(Pod.class, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), fresh -> {
                if (!rt.uid().equals(fresh.getMetadata().getUid())) {
                    return null;
                }
                boolean unchanged = Objects.equals(fresh.getMetadata().getResourceVersion(),
                        pod.getMetadata().getResourceVersion());
                PodStatus next = unchanged ? desired : PodStatusBuilder.build(fresh, rt, node.internalIp(), now);
                if (next.equals(fresh.getStatus())) {
                    return null;
                }
                fresh.setStatus(next);
                return fresh;
            });
        } catch (ClientException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    private void finishDeletion(Pod pod, PodRuntime rt, SimulatedNode node) {
        client.delete(Pod.class, pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                Deletion.now().withUid(rt.uid()));
        forget(rt, node);
    }

    private void forget(PodRuntime rt, SimulatedNode node) {
        runtimes.remove(rt.uid());
        if (rt.podIp() != null && node != null) {
            node.releaseIp(rt.podIp());
        }
    }

    private void forgetByKey(String key) {
        List<PodRuntime> gone = new ArrayList<>();
        for (PodRuntime rt : runtimes.values()) {
            String k = rt.namespace + "/" + rt.name;
            if (k.equals(key)) {
                gone.add(rt);
            }
        }
        for (PodRuntime rt : gone) {
            Pod current = pods.get(key);
            if (current == null || !rt.uid().equals(current.getMetadata().getUid())) {
                runtimes.remove(rt.uid());
                for (SimulatedNode n : nodes.all()) {
                    if (rt.podIp() != null) {
                        n.releaseIp(rt.podIp());
                    }
                }
            }
        }
    }

    /** The runtime's view of one sync: time scaling, probes, IPs, images, and buffered events. */
    private final class SyncContext implements PodRuntime.Context {
        private final Pod pod;
        private final SimulatedNode node;
        private final PodRuntime rt;
        private final List<String[]> pending = new ArrayList<>();

        SyncContext(Pod pod, SimulatedNode node, PodRuntime rt) {
            this.pod = pod;
            this.node = node;
            this.rt = rt;
        }

        @Override
        public Duration real(Duration simulated) {
            return time.real(simulated);
        }

        @Override
        public PodRuntime.ProbeOutcome probe(ProbeKind kind, PodRuntime p, Container c, Probe probe, Duration sinceStart) {
            ContainerRuntime cr = p.container(c.getName());
            return prober.probe(pod, p.podIp(), c, probe, kind, cr.run(), sinceStart);
        }

        @Override
        public boolean probesForReal(PodRuntime p, Container c, Probe probe) {
            return prober.realHost(pod, probe) != null;
        }

        @Override
        public String allocateIp() {
            String ip = node.allocateIp();
            return ip == null ? node.internalIp() : ip;
        }

        @Override
        public boolean imagePresent(String image) {
            return node.hasImage(image);
        }

        @Override
        public void imagePulled(String image) {
            node.addImage(image);
        }

        @Override
        public void event(String type, String reason, String message, String fieldPath) {
            pending.add(new String[]{type, reason, message, fieldPath});
        }

        void flush() {
            EventRecorder.Source source = new EventRecorder.Source("kubelet", node.name());
            for (String[] e : pending) {
                events.record(pod, e[3], source, e[0], e[1], e[2]);
            }
            pending.clear();
        }
    }
}
