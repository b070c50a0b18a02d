package io.kubesim.simulation.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.ControllerLoop;
import io.kubesim.controller.DaemonThreads;
import io.kubesim.controller.EventRecorder;
import io.kubesim.controller.Informer;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.Reconciler;
import io.kubesim.controller.ResourceClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * default-scheduler: picks a node for each pending pod (filter, then least-allocated score with a
 * random tie-break) and binds it through {@code pods/binding}; a pod that fits nowhere gets
 * {@code PodScheduled=False/Unschedulable} and a {@code FailedScheduling} event, and waits among the
 * {@link UnschedulablePods} until the cluster changes in a way that could make it fit (or five minutes pass).
 */
public final class Scheduler implements Reconciler {

    static final String NAME = "default-scheduler";
    private static final EventRecorder.Source SOURCE = new EventRecorder.Source(NAME, null);
    private static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    private static final int BINDERS = 16;
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    private static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

    private final ResourceClient client;
    private final ClusterTime time;
    private final EventRecorder events;
    private final Informer<Pod> pods;
    private final Informer<Node> nodes;
    private final ControllerLoop loop;
    private final NodeUsage usage = new NodeUsage();
    private final List<FilterPlugin> filters = Filters.defaults();
    private final UnschedulablePods unschedulable;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> flush;
    private final AtomicInteger nextStartNodeIndex = new AtomicInteger();
    /** Pods whose binding is being written: key to uid (a pod recreated under the same name is another pod). */
    private final Map<String, String> binding = new ConcurrentHashMap<>();
    private final ExecutorService binder = Executors.newFixedThreadPool(BINDERS, DaemonThreads.named("kubesim-scheduler-binder"));

    public Scheduler(ResourceClient client, InformerFactory informers, ClusterTime time, EventRecorder events,
                     ScheduledExecutorService timer, MeterRegistry meters) {
        this.client = client.as(NAME);
        this.time = time;
        this.events = events;
        this.pods = informers.informer(Pod.class);
        this.nodes = informers.informer(Node.class);
        this.timer = timer;
        this.loop = new ControllerLoop("scheduler", this, 1, timer, meters);
        this.unschedulable = new UnschedulablePods(time, loop.queue()::addAfter, System::nanoTime);
        meters.gauge("scheduler.pending.pods", List.of(Tag.of("queue", "unschedulable")), unschedulable,
                UnschedulablePods::size);
        pods.addHandler(new Informer.Handler<>() {
            @Override
            public void onAdd(Pod pod) {
                observe(null, pod);
            }

            @Override
            public void onUpdate(Pod old, Pod current) {
                observe(old, current);
            }

            @Override
            public void onDelete(Pod pod) {
                usage.remove(pod.getMetadata().getUid());
                binding.remove(Informer.keyOf(pod), pod.getMetadata().getUid());
                unschedulable.forget(Informer.keyOf(pod));
                if (NodeUsage.counts(pod)) {
                    unschedulable.moveAll();
                }
            }
        });
        nodes.addHandler(new Informer.Handler<>() {
            @Override
            public void onAdd(Node node) {
                unschedulable.moveAll();
            }

            @Override
            public void onUpdate(Node old, Node current) {
                if (!Objects.equals(old.getSpec(), current.getSpec())
                        || !Objects.equals(old.getMetadata().getLabels(), current.getMetadata().getLabels())
                        || !Objects.equals(allocatable(old), allocatable(current))) {
                    unschedulable.moveAll();
                }
            }
        });
    }

    /** A pod added ({@code old} null) or updated. */
    private void observe(Pod old, Pod pod) {
        usage.update(pod);
        String key = Informer.keyOf(pod);
        if (pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty()) {
            binding.remove(key, pod.getMetadata().getUid());
        }
        if (wantsScheduling(pod)) {
            if (!unschedulable.isParked(key)) {
                loop.enqueue(key);
            } else if (old != null && !onlyStatusChanged(old, pod)) {
                unschedulable.moveIfParked(key);
            }
        } else if (!NodeUsage.counts(pod)) {
            retryUnschedulableIfFreed(pod);
        }
    }

    /** kube-scheduler's {@code isPodUpdated}, inverted: a status write (its own included) does not make a pod fit. */
    private static boolean onlyStatusChanged(Pod old, Pod current) {
        return Objects.equals(old.getSpec(), current.getSpec())
                && Objects.equals(old.getMetadata().getLabels(), current.getMetadata().getLabels())
                && Objects.equals(old.getMetadata().getAnnotations(), current.getMetadata().getAnnotations())
                && Objects.equals(old.getMetadata().getDeletionTimestamp(), current.getMetadata().getDeletionTimestamp());
    }

    private static Map<String, Quantity> allocatable(Node n) {
        return n.getStatus() == null ? null : n.getStatus().getAllocatable();
    }

    private void retryUnschedulableIfFreed(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            unschedulable.moveAll();
        }
    }

    static boolean wantsScheduling(Pod p) {
        String scheduler = p.getSpec().getSchedulerName() == null ? NAME : p.getSpec().getSchedulerName();
        return (p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty())
                && p.getMetadata().getDeletionTimestamp() == null && NAME.equals(scheduler)
                && (p.getSpec().getSchedulingGates() == null || p.getSpec().getSchedulingGates().isEmpty())
                && !"Succeeded".equals(phase(p)) && !"Failed".equals(phase(p));
    }

    private static String phase(Pod p) {
        return p.getStatus() == null ? null : p.getStatus().getPhase();
    }

    public synchronized void start() {
        loop.start();
        long period = time.real(UnschedulablePods.FLUSH_PERIOD).toNanos();
        flush = timer.scheduleAtFixedRate(unschedulable::flushLeftover, period, period, TimeUnit.NANOSECONDS);
    }

    public synchronized void stop() {
        if (flush != null) {
            flush.cancel(false);
        }
        loop.stop();
        binder.shutdownNow();
    }

    @Override
    public Result reconcile(String key) {
        if (binding.containsKey(key)) {
            return Result.DONE;
        }
        long cycle = unschedulable.cycle();
        Pod pod = pods.get(key);
        if (pod == null || !wantsScheduling(pod)) {
            unschedulable.forget(key);
            return Result.DONE;
        }
        List<Node> all = nodes.list();
        Requests requests = Requests.of(pod.getSpec(), false);
        Requests nonZero = Requests.of(pod.getSpec(), true);
        Map<String, Integer> reasons = new TreeMap<>();
        int resolvable = 0;
        List<Node> feasible = new ArrayList<>();
        int toFind = numFeasibleNodesToFind(all.size());
        int start = all.isEmpty() ? 0 : Math.floorMod(nextStartNodeIndex.get(), all.size());
        int processed = 0;
        for (int i = 0; i < all.size() && feasible.size() < toFind; i++, processed++) {
            Node node = all.get((start + i) % all.size());
            NodeUsage.Totals used = usage.of(node.getMetadata().getName());
            String why = firstFailure(pod, requests, node, used);
            if (why == null) {
                feasible.add(node);
            } else {
                for (String r : why.substring(1).split("\u0000")) {
                    reasons.merge(r, 1, Integer::sum);
                }
                if (why.charAt(0) == 'R') {
                    resolvable++;
                }
            }
        }
        nextStartNodeIndex.set(all.isEmpty() ? 0 : (start + processed) % all.size());
        if (feasible.isEmpty()) {
            return unschedulable(pod, key, cycle, all.size(), reasons, resolvable);
        }
        Node chosen = best(feasible, nonZero);
        return bind(pod, key, chosen);
    }

    /**
     * kube-scheduler's {@code numFeasibleNodesToFind} with the default adaptive {@code percentageOfNodesToScore}:
     * every node below 100 nodes; else (50 - nodes/125) percent, at least 5 % and at least 100 nodes. Filtering
     * stops once that many feasible nodes are found, starting where the previous pod's search stopped.
     */
    static int numFeasibleNodesToFind(int allNodes) {
        if (allNodes < MIN_FEASIBLE_NODES_TO_FIND) {
            return allNodes;
        }
        int percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - allNodes / 125);
        return Math.max(MIN_FEASIBLE_NODES_TO_FIND, allNodes * percentage / 100);
    }

    /** The first failing filter's reasons, prefixed 'R' when preemption could resolve it, else 'U'. */
    private String firstFailure(Pod pod, Requests requests, Node node, NodeUsage.Totals used) {
        for (FilterPlugin f : filters) {
            String why = f.filter(pod, requests, node, used);
            if (why != null) {
                return (f.resolvableByPreemption() ? "R" : "U") + why;
            }
        }
        return null;
    }

    private Node best(List<Node> feasible, Requests nonZero) {
        double bestScore = -1;
        List<Node> top = new ArrayList<>();
        for (Node n : feasible) {
            double score = leastAllocated(n, usage.of(n.getMetadata().getName()), nonZero);
            if (score > bestScore + 1e-9) {
                bestScore = score;
                top.clear();
                top.add(n);
            } else if (Math.abs(score - bestScore) <= 1e-9) {
                top.add(n);
            }
        }
        return top.get(ThreadLocalRandom.current().nextInt(top.size()));
    }

    /** NodeResourcesFit LeastAllocated: mean of (allocatable - requested) * 100 / allocatable over cpu and memory. */
    static double leastAllocated(Node node, NodeUsage.Totals used, Requests nonZero) {
        Map<String, Quantity> alloc = node.getStatus() == null || node.getStatus().getAllocatable() == null
                ? Map.of() : node.getStatus().getAllocatable();
        long cpu = Requests.milli(alloc.get("cpu"));
        long mem = Requests.value(alloc.get("memory"));
        double cpuScore = cpu == 0 ? 0 : Math.max(0, (cpu - used.nonZeroCpuMilli - nonZero.cpuMilli()) * 100.0 / cpu);
        double memScore = mem == 0 ? 0 : Math.max(0, (mem - used.nonZeroMemory - nonZero.memory()) * 100.0 / mem);
        return Math.floor((cpuScore + memScore) / 2);
    }

    /**
     * kube-scheduler's binding cycle: the pod is assumed on the node (so the next scheduling cycle counts it) and the
     * binding is written asynchronously while the next pod is scheduled; a failed binding forgets the assumption and
     * schedules the pod again with back-off. Bindings written in parallel share the store's group commits.
     */
    private Result bind(Pod pod, String key, Node node) {
        String nodeName = node.getMetadata().getName();
        String uid = pod.getMetadata().getUid();
        usage.assume(pod, nodeName);
        binding.put(key, uid);
        try {
            binder.execute(() -> bindingCycle(pod, key, uid, nodeName));
        } catch (RejectedExecutionException stopped) {
            binding.remove(key, uid);
            usage.forget(uid);
        }
        return Result.DONE;
    }

    private void bindingCycle(Pod pod, String key, String uid, String nodeName) {
        boolean retry;
        String failure;
        try {
            client.bind(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), uid, nodeName);
            unschedulable.forget(key);
            events.normal(pod, null, SOURCE, "Scheduled", "Successfully assigned " + pod.getMetadata().getNamespace()
                    + "/" + pod.getMetadata().getName() + " to " + nodeName);
            // the key stays in `binding` until the informer shows the pod bound (observe), so a queued sync of the
            // still-unbound cached copy does not schedule it twice
            return;
        } catch (ClientException e) {
            // gone, or bound by someone else meanwhile: nothing left to do; anything else is tried again
            retry = !(e.isNotFound() || e.code() == 409);
            failure = e.getMessage();
            log.debug("binding {} to {} failed: {}", key, nodeName, e.getMessage());
        } catch (RuntimeException e) {
            retry = true;
            failure = e.toString();
            log.warn("binding {} to {} failed", key, nodeName, e);
        }
        usage.forget(uid);
        binding.remove(key, uid);
        if (retry) {
            // kube-scheduler's failure handler: an event, then the pod goes back with back-off (1 s doubling to 10 s)
            events.warning(pod, null, SOURCE, "FailedScheduling", "Binding rejected: " + failure);
            unschedulable.requeueAfterBackoff(key);
        }
    }

    private Result unschedulable(Pod pod, String key, long cycle, int nodeCount, Map<String, Integer> reasons,
                                 int resolvable) {
        String message = message(nodeCount, reasons, resolvable);
        // parked before the status write, so the informer's echo of that write finds it parked and leaves it there
        unschedulable.park(key, cycle);
        try {
            client.editStatus(Pod.class, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), p -> {
                if (p.getSpec().getNodeName() != null && !p.getSpec().getNodeName().isEmpty()) {
                    return null;
                }
                return withUnschedulable(p, message);
            });
        } catch (ClientException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            unschedulable.forget(key);
            return Result.DONE;
        }
        events.warning(pod, null, SOURCE, "FailedScheduling", message);
        return Result.DONE;
    }

    private Pod withUnschedulable(Pod p, String message) {
        PodStatus s = p.getStatus() == null ? new PodStatus() : p.getStatus();
        List<PodCondition> conditions = new ArrayList<>(s.getConditions() == null ? List.of() : s.getConditions());
        PodCondition existing = conditions.stream().filter(c -> "PodScheduled".equals(c.getType())).findFirst().orElse(null);
        if (existing != null && "False".equals(existing.getStatus()) && message.equals(existing.getMessage())) {
            return null;
        }
        conditions.removeIf(c -> "PodScheduled".equals(c.getType()));
        PodCondition c = new PodCondition();
        c.setType("PodScheduled");
        c.setStatus("False");
        c.setReason("Unschedulable");
        c.setMessage(message);
        c.setLastTransitionTime(existing != null && "False".equals(existing.getStatus()) ? existing.getLastTransitionTime()
                : DateTimeFormatter.ISO_INSTANT.format(time.now().truncatedTo(ChronoUnit.SECONDS)));
        conditions.add(c);
        s.setConditions(conditions);
        p.setStatus(s);
        return p;
    }

    /** {@code 0/N nodes are available: <n> <reason>, .... preemption: 0/N nodes are available: ...} */
    static String message(int nodeCount, Map<String, Integer> reasons, int resolvable) {
        StringBuilder b = new StringBuilder("0/").append(nodeCount).append(" nodes are available");
        if (!reasons.isEmpty()) {
            b.append(": ");
            List<String> parts = new ArrayList<>();
            reasons.forEach((r, n) -> parts.add(n + " " + r));
            b.append(String.join(", ", parts));
        }
        b.append(". preemption: 0/").append(nodeCount).append(" nodes are available: ");
        Map<String, Integer> preemption = new TreeMap<>();
        if (resolvable > 0) {
            preemption.put("No preemption victims found for incoming pod", resolvable);
        }
        if (nodeCount - resolvable > 0) {
            preemption.put("Preemption is not helpful for scheduling", nodeCount - resolvable);
        }
        List<String> parts = new ArrayList<>();
        preemption.forEach((r, n) -> parts.add(n + " " + r));
        return b.append(String.join(", ", parts)).append('.').toString();
    }
}
