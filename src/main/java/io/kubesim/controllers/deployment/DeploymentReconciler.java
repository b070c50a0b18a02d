package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controller.Informer;
import io.kubesim.controller.Reconciler;
import io.kubesim.controller.ResourceClient;
import io.kubesim.controllers.replicaset.ControllerRefManager;
import io.kubesim.controllers.replicaset.OwnerRefs;
import io.kubesim.selection.LabelSelector;
import io.kubesim.selection.SelectorParseException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code syncDeployment}: claims the ReplicaSets, then only reports for a Deployment being deleted, only scales
 * (proportionally) when paused or when {@code spec.replicas} changed, and otherwise runs the strategy's rollout.
 * Works on a private copy; failed writes throw and the key is retried with back-off.
 */
final class DeploymentReconciler implements Reconciler {

    private final ResourceClient client;
    private final Informer<Deployment> deployments;
    private final Informer<ReplicaSet> replicaSets;
    private final Informer<Pod> pods;
    private final NewReplicaSets newReplicaSets;
    private final Rollouts rollouts;
    private final RolloutStatusWriter status;
    private final ControllerRefManager<ReplicaSet> refs;

    DeploymentReconciler(ResourceClient client, Informer<Deployment> deployments, Informer<ReplicaSet> replicaSets,
                         Informer<Pod> pods, NewReplicaSets newReplicaSets, Rollouts rollouts,
                         RolloutStatusWriter status) {
        this.client = client;
        this.deployments = deployments;
        this.replicaSets = replicaSets;
        this.pods = pods;
        this.newReplicaSets = newReplicaSets;
        this.rollouts = rollouts;
        this.status = status;
        this.refs = new ControllerRefManager<>(client, ReplicaSet.class);
    }

    @Override
    public Result reconcile(String key) throws SelectorParseException {
        Deployment cached = deployments.get(key);
        if (cached == null) {
            return Result.DONE;
        }
        Deployment d = new DeploymentBuilder(cached).build();
        LabelSelector selector = LabelSelector.fromLabelSelector(d.getSpec().getSelector());
        DeploymentSync sync = new DeploymentSync(d, claim(d, selector));
        if (d.getMetadata().getDeletionTimestamp() != null) {
            rollouts.statusOnly(sync);
        } else {
            status.checkPaused(sync);
            run(sync, selector);
        }
        return sync.recheck() == null ? Result.DONE : Result.after(sync.recheck());
    }

    private void run(DeploymentSync sync, LabelSelector selector) {
        Deployment d = sync.deployment();
        if (Deployments.paused(d) || scalingEvent(sync)) {
            rollouts.scale(sync);
            return;
        }
        String type = Deployments.strategyType(d);
        if (Deployments.RECREATE.equals(type)) {
            rollouts.recreate(sync, podsByReplicaSet(d, selector, sync.replicaSets()));
        } else if (Deployments.ROLLING_UPDATE.equals(type)) {
            rollouts.rolling(sync);
        } else {
            throw new IllegalStateException("unexpected deployment strategy type: " + type);
        }
    }

    /** {@code getReplicaSetsForDeployment}: adopt matching orphans, release owned ones that stopped matching. */
    private List<ReplicaSet> claim(Deployment d, LabelSelector selector) {
        ControllerRefManager.Claimed<ReplicaSet> claimed = refs.claim(d,
                OwnerRefs.newControllerRef(d, "apps/v1", "Deployment"), selector,
                replicaSets.inNamespace(d.getMetadata().getNamespace()),
                () -> ControllerRefManager.adoptionVerdict(d, client.get(Deployment.class, d.getMetadata().getNamespace(),
                        d.getMetadata().getName()).orElse(null), "Deployment"));
        if (claimed.error() != null) {
            throw claimed.error();
        }
        return claimed.objects();
    }

    /** {@code isScalingEvent}: an active ReplicaSet was told a different {@code desired-replicas}. */
    private boolean scalingEvent(DeploymentSync sync) {
        NewReplicaSets.Split split = newReplicaSets.split(sync, false);
        int replicas = Deployments.replicas(sync.deployment());
        for (ReplicaSet rs : ReplicaSets.active(split.all())) {
            var desired = DeploymentAnnotations.desiredReplicas(sync.current(rs));
            if (desired.isPresent() && desired.getAsInt() != replicas) {
                return true;
            }
        }
        return false;
    }

    /** {@code getPodMapForDeployment}: the selected pods (terminal ones too) by controlling ReplicaSet uid. */
    private Map<String, List<Pod>> podsByReplicaSet(Deployment d, LabelSelector selector, List<ReplicaSet> owned) {
        Map<String, List<Pod>> map = new HashMap<>();
        owned.forEach(rs -> map.put(rs.getMetadata().getUid(), new ArrayList<>()));
        for (Pod p : pods.inNamespace(d.getMetadata().getNamespace())) {
            String uid = OwnerRefs.controllerUid(p);
            if (uid != null && map.containsKey(uid) && selector.matches(p.getMetadata().getLabels())) {
                map.get(uid).add(p);
            }
        }
        return map;
    }
}
