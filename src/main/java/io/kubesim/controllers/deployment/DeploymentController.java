package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.ControllerLoop;
import io.kubesim.controller.EventRecorder;
import io.kubesim.controller.Informer;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.ResourceClient;
import io.kubesim.controllers.replicaset.OwnerRefs;
import io.kubesim.selection.LabelSelector;
import io.kubesim.selection.SelectorParseException;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

/**
 * The Deployment controller: maps Deployment, ReplicaSet and pod events to Deployment keys as
 * {@code deployment_controller.go} does (ReplicaSets by controllerRef, orphans to every matching Deployment,
 * the last pod of a Recreate Deployment going away) and feeds a loop running a {@link DeploymentReconciler},
 * with a periodic resync.
 */
public final class DeploymentController {

    static final String NAME = "deployment-controller";

    /** Tunables: workers and the resync period. */
    public record Settings(int workers, Duration resync) {
    }

    private final Informer<Deployment> deployments;
    private final Informer<ReplicaSet> replicaSets;
    private final Informer<Pod> pods;
    private final ControllerLoop loop;
    private final Duration resync;

    public DeploymentController(ResourceClient client, InformerFactory informers, EventRecorder events, ClusterTime time,
                                ScheduledExecutorService timer, MeterRegistry meters, Settings settings) {
        ResourceClient own = client.as(NAME);
        this.deployments = informers.informer(Deployment.class);
        this.replicaSets = informers.informer(ReplicaSet.class);
        this.pods = informers.informer(Pod.class);
        NewReplicaSets newReplicaSets = new NewReplicaSets(own, replicaSets, events, time);
        RolloutStatusWriter status = new RolloutStatusWriter(own, time);
        Rollouts rollouts = new Rollouts(own, newReplicaSets, new ReplicaSetScaler(own, events), status);
        this.loop = new ControllerLoop(NAME, new DeploymentReconciler(own, deployments, replicaSets, pods,
                newReplicaSets, rollouts, status), settings.workers(), timer, meters);
        this.resync = settings.resync();
        deployments.addHandler(new DeploymentEvents());
        replicaSets.addHandler(new ReplicaSetEvents());
        pods.addHandler(new Informer.Handler<>() {
            @Override
            public void onDelete(Pod pod) {
                podDeleted(pod);
            }
        });
    }

    public void start() {
        loop.start(resync, deployments::keys);
    }

    public void stop() {
        loop.stop();
    }

    private void enqueue(HasMetadata d) {
        loop.enqueue(Informer.keyOf(d));
    }

    /** The Deployment a controllerRef names, if it exists with that uid. */
    private Deployment resolve(String namespace, OwnerReference ref) {
        if (ref == null || !"Deployment".equals(ref.getKind())) {
            return null;
        }
        Deployment d = deployments.get(namespace, ref.getName());
        return d != null && Objects.equals(d.getMetadata().getUid(), ref.getUid()) ? d : null;
    }

    /** {@code getDeploymentsForReplicaSet}: Deployments whose non-empty selector matches an orphan's labels. */
    private void enqueueMatching(ReplicaSet rs) {
        for (Deployment d : deployments.inNamespace(rs.getMetadata().getNamespace())) {
            try {
                LabelSelector selector = LabelSelector.fromLabelSelector(d.getSpec().getSelector());
                if (!selector.isEmpty() && selector.matches(rs.getMetadata().getLabels())) {
                    enqueue(d);
                }
            } catch (SelectorParseException e) {
                // an invalid selector selects nothing
            }
        }
    }

    /** {@code deletePod}: a Recreate Deployment is synced once its last pod is gone. */
    private void podDeleted(Pod pod) {
        ReplicaSet rs = null;
        OwnerReference ref = OwnerRefs.controllerOf(pod);
        if (ref != null && "ReplicaSet".equals(ref.getKind())) {
            rs = replicaSets.get(pod.getMetadata().getNamespace(), ref.getName());
        }
        if (rs == null || !Objects.equals(rs.getMetadata().getUid(), ref.getUid())) {
            return;
        }
        Deployment d = resolve(rs.getMetadata().getNamespace(), OwnerRefs.controllerOf(rs));
        if (d != null && Deployments.RECREATE.equals(Deployments.strategyType(d)) && podsLeft(d) == 0) {
            enqueue(d);
        }
    }

    private long podsLeft(Deployment d) {
        Set<String> owned = replicaSets.inNamespace(d.getMetadata().getNamespace()).stream()
                .filter(rs -> Objects.equals(OwnerRefs.controllerUid(rs), d.getMetadata().getUid()))
                .map(rs -> rs.getMetadata().getUid()).collect(Collectors.toSet());
        return pods.inNamespace(d.getMetadata().getNamespace()).stream()
                .filter(p -> owned.contains(OwnerRefs.controllerUid(p))).count();
    }

    private final class DeploymentEvents implements Informer.Handler<Deployment> {
        @Override
        public void onAdd(Deployment d) {
            enqueue(d);
        }

        @Override
        public void onUpdate(Deployment old, Deployment current) {
            enqueue(current);
        }

        @Override
        public void onDelete(Deployment d) {
            enqueue(d);
        }
    }

    private final class ReplicaSetEvents implements Informer.Handler<ReplicaSet> {
        @Override
        public void onAdd(ReplicaSet rs) {
            if (rs.getMetadata().getDeletionTimestamp() != null) {
                onDelete(rs);
                return;
            }
            OwnerReference ref = OwnerRefs.controllerOf(rs);
            if (ref != null) {
                Deployment d = resolve(rs.getMetadata().getNamespace(), ref);
                if (d != null) {
                    enqueue(d);
                }
                return;
            }
            enqueueMatching(rs);
        }

        @Override
        public void onUpdate(ReplicaSet old, ReplicaSet current) {
            if (Objects.equals(old.getMetadata().getResourceVersion(), current.getMetadata().getResourceVersion())) {
                return;
            }
            OwnerReference currentRef = OwnerRefs.controllerOf(current);
            OwnerReference oldRef = OwnerRefs.controllerOf(old);
            boolean refChanged = !Objects.equals(currentRef, oldRef);
            if (refChanged && oldRef != null) {
                Deployment previous = resolve(old.getMetadata().getNamespace(), oldRef);
                if (previous != null) {
                    enqueue(previous);
                }
            }
            if (currentRef != null) {
                Deployment d = resolve(current.getMetadata().getNamespace(), currentRef);
                if (d != null) {
                    enqueue(d);
                }
                return;
            }
            boolean labelsChanged = !Objects.equals(old.getMetadata().getLabels(), current.getMetadata().getLabels());
            if (labelsChanged || refChanged) {
                enqueueMatching(current);
            }
        }

        @Override
        public void onDelete(ReplicaSet rs) {
            Deployment d = resolve(rs.getMetadata().getNamespace(), OwnerRefs.controllerOf(rs));
            if (d != null) {
                enqueue(d);
            }
        }
    }
}
