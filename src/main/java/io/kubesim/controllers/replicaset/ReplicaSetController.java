package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.ControllerLoop;
import io.kubesim.controller.DaemonThreads;
import io.kubesim.controller.EventRecorder;
import io.kubesim.controller.Informer;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.ResourceClient;
import io.kubesim.selection.LabelSelector;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The replica controller of one kind (ReplicaSet or ReplicationController): maps informer events to owner
 * keys as {@code replica_set.go} does (pods by controllerRef, orphans to every matching owner, expectations
 * observed on the way), and feeds a {@link ControllerLoop} running a {@link ReplicaSetReconciler}, with a
 * periodic resync of every owner.
 */
public final class ReplicaSetController<T extends HasMetadata> {

    /** Secondary index of owners by the uid of their own controller (e.g. the Deployment). */
    public static final String CONTROLLER_UID_INDEX = "controllerUid";
    /** Concurrent pod creations per controller kind, shared by its workers. */
    private static final int CREATE_THREADS = 32;

    /** Tunables: workers, {@code burstReplicas} and the resync period. */
    public record Settings(int workers, int burstReplicas, Duration resync) {
    }

    private final ReplicaKind<T> kind;
    private final Informer<T> owners;
    private final Informer<Pod> pods;
    private final ControllerExpectations expectations;
    private final ControllerLoop loop;
    private final Duration resync;
    private final ExecutorService creates;

    public ReplicaSetController(ReplicaKind<T> kind, ResourceClient client, InformerFactory informers,
                                EventRecorder events, ClusterTime time, ScheduledExecutorService timer,
                                MeterRegistry meters, Settings settings) {
        ResourceClient own = client.as(kind.controllerName());
        this.kind = kind;
        this.owners = informers.informer(kind.type());
        this.pods = informers.informer(Pod.class);
        this.owners.addIndex(CONTROLLER_UID_INDEX, o -> uidList(OwnerRefs.controllerUid(o)));
        this.expectations = new ControllerExpectations(time.clock());
        this.creates = createThreads(kind.controllerName());
        ReplicaManager<T> manager = new ReplicaManager<>(kind, new PodControl(own, events, kind.controllerName()),
                expectations, this::relatedPods, time, settings.burstReplicas(), creates);
        this.loop = new ControllerLoop(kind.controllerName(), new ReplicaSetReconciler<>(kind, own, owners, pods,
                expectations, manager, time), settings.workers(), timer, meters);
        this.resync = settings.resync();
        owners.addHandler(new OwnerEvents());
        pods.addHandler(new PodEvents());
    }

    /** The threads a slow-start batch's pod creations run on (upstream: one goroutine per create). */
    private static ExecutorService createThreads(String name) {
        return Executors.newFixedThreadPool(CREATE_THREADS, DaemonThreads.numbered(name + "-create"));
    }

    public String name() {
        return kind.controllerName();
    }

    public void start() {
        loop.start(resync, owners::keys);
    }

    public void stop() {
        loop.stop();
        creates.shutdown();
    }

    private static List<String> uidList(String uid) {
        return uid == null ? List.of() : List.of(uid);
    }

    /** {@code getIndirectlyRelatedPods}: the pods of every owner sharing this owner's controller. */
    private List<Pod> relatedPods(T owner) {
        String controllerUid = OwnerRefs.controllerUid(owner);
        if (controllerUid == null) {
            return List.of();
        }
        List<Pod> related = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (T sibling : owners.byIndex(CONTROLLER_UID_INDEX, controllerUid)) {
            LabelSelector selector = kind.selector(sibling);
            for (Pod p : pods.inNamespace(sibling.getMetadata().getNamespace())) {
                if (selector.matches(p.getMetadata().getLabels()) && seen.add(p.getMetadata().getUid())) {
                    related.add(p);
                }
            }
        }
        return related;
    }

    /** {@code resolveControllerRef}: the owner a controllerRef names, if it is of this kind and the uid matches. */
    private T resolve(String namespace, OwnerReference ref) {
        if (ref == null || !kind.kind().equals(ref.getKind())) {
            return null;
        }
        T owner = owners.get(namespace, ref.getName());
        return owner != null && Objects.equals(owner.getMetadata().getUid(), ref.getUid()) ? owner : null;
    }

    /** {@code getPodReplicaSets}: owners whose non-empty selector matches the pod's labels. */
    private void enqueueMatching(Pod pod) {
        for (T owner : owners.inNamespace(pod.getMetadata().getNamespace())) {
            LabelSelector selector = kind.selector(owner);
            if (!selector.isEmpty() && selector.matches(pod.getMetadata().getLabels())) {
                loop.enqueue(Informer.keyOf(owner));
            }
        }
    }

    private final class OwnerEvents implements Informer.Handler<T> {
        @Override
        public void onAdd(T owner) {
            loop.enqueue(Informer.keyOf(owner));
        }

        @Override
        public void onUpdate(T old, T current) {
            if (!Objects.equals(old.getMetadata().getUid(), current.getMetadata().getUid())) {
                expectations.delete(Informer.keyOf(old));
            }
            loop.enqueue(Informer.keyOf(current));
        }

        @Override
        public void onDelete(T owner) {
            expectations.delete(Informer.keyOf(owner));
            loop.enqueue(Informer.keyOf(owner));
        }
    }

    private final class PodEvents implements Informer.Handler<Pod> {
        @Override
        public void onAdd(Pod pod) {
            if (Pods.isDeleting(pod)) {
                onDelete(pod);
                return;
            }
            OwnerReference ref = OwnerRefs.controllerOf(pod);
            if (ref != null) {
                T owner = resolve(pod.getMetadata().getNamespace(), ref);
                if (owner != null) {
                    expectations.creationObserved(Informer.keyOf(owner));
                    loop.enqueue(Informer.keyOf(owner));
                }
                return;
            }
            enqueueMatching(pod);
        }

        @Override
        public void onUpdate(Pod old, Pod current) {
            if (Objects.equals(old.getMetadata().getResourceVersion(), current.getMetadata().getResourceVersion())) {
                return;
            }
            boolean labelsChanged = !Objects.equals(old.getMetadata().getLabels(), current.getMetadata().getLabels());
            if (Pods.isDeleting(current)) {
                onDelete(current);
                if (labelsChanged) {
                    onDelete(old);
                }
                return;
            }
            OwnerReference currentRef = OwnerRefs.controllerOf(current);
            OwnerReference oldRef = OwnerRefs.controllerOf(old);
            boolean refChanged = !Objects.equals(currentRef, oldRef);
            if (refChanged && oldRef != null) {
                T previous = resolve(old.getMetadata().getNamespace(), oldRef);
                if (previous != null) {
                    loop.enqueue(Informer.keyOf(previous));
                }
            }
            if (currentRef != null) {
                owned(old, current, currentRef);
            } else if (labelsChanged || refChanged) {
                enqueueMatching(current);
            }
        }

        private void owned(Pod old, Pod current, OwnerReference ref) {
            T owner = resolve(current.getMetadata().getNamespace(), ref);
            if (owner == null) {
                return;
            }
            String key = Informer.keyOf(owner);
            loop.enqueue(key);
            int minReady = kind.minReadySeconds(owner);
            if (!Pods.isReady(old) && Pods.isReady(current) && minReady > 0) {
                loop.queue().addAfter(key, Duration.ofSeconds(minReady + 1L));
            }
        }

        @Override
        public void onDelete(Pod pod) {
            T owner = resolve(pod.getMetadata().getNamespace(), OwnerRefs.controllerOf(pod));
            if (owner != null) {
                String key = Informer.keyOf(owner);
                expectations.deletionObserved(key, Pods.key(pod));
                loop.enqueue(key);
            }
        }
    }
}
