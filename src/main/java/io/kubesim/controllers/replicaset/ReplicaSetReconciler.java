package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.Informer;
import io.kubesim.controller.Reconciler;
import io.kubesim.controller.ResourceClient;
import io.kubesim.selection.LabelSelector;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code syncReplicaSet} for one key: claim the pods, manage the replicas when expectations allow and the owner
 * is not being deleted, then write the status if it changed. Manage failures are reported in the status and
 * then thrown, so the key is retried with back-off. Reads come from the shared informers.
 */
final class ReplicaSetReconciler<T extends HasMetadata> implements Reconciler {

    private final ReplicaKind<T> kind;
    private final ResourceClient client;
    private final Informer<T> owners;
    private final Informer<Pod> pods;
    private final ControllerExpectations expectations;
    private final ReplicaManager<T> manager;
    private final ControllerRefManager<Pod> refs;
    private final ClusterTime time;

    ReplicaSetReconciler(ReplicaKind<T> kind, ResourceClient client, Informer<T> owners, Informer<Pod> pods,
                         ControllerExpectations expectations, ReplicaManager<T> manager, ClusterTime time) {
        this.kind = kind;
        this.client = client;
        this.owners = owners;
        this.pods = pods;
        this.expectations = expectations;
        this.manager = manager;
        this.refs = new ControllerRefManager<>(client, Pod.class);
        this.time = time;
    }

    @Override
    public Result reconcile(String key) {
        T owner = owners.get(key);
        if (owner == null) {
            expectations.delete(key);
            return Result.DONE;
        }
        boolean needsSync = expectations.satisfied(key);
        LabelSelector selector = kind.selector(owner);
        List<Pod> all = pods.inNamespace(owner.getMetadata().getNamespace());
        List<Pod> claimed = claim(owner, selector, all.stream().filter(Pods::isActive).toList());
        RuntimeException manageError = null;
        if (needsSync && owner.getMetadata().getDeletionTimestamp() == null) {
            manageError = manager.manage(owner, key, claimed);
        }
        ReplicaStatus status = ReplicaStatusPlanner.calculate(kind.status(owner), observed(owner, selector, claimed, all),
                manageError == null ? null : manageError.getMessage(), time.now());
        ReplicaStatus written = writeStatus(owner, status);
        if (manageError != null) {
            throw manageError;
        }
        return availabilityRecheck(owner, written);
    }

    private List<Pod> claim(T owner, LabelSelector selector, List<Pod> active) {
        ControllerRefManager.Claimed<Pod> claimed = refs.claim(owner,
                OwnerRefs.newControllerRef(owner, kind.apiVersion(), kind.kind()), selector, active,
                () -> ControllerRefManager.adoptionVerdict(owner, client.get(kind.type(),
                        owner.getMetadata().getNamespace(), owner.getMetadata().getName()).orElse(null), kind.kind()));
        if (claimed.error() != null) {
            throw claimed.error();
        }
        return claimed.objects();
    }

    private ReplicaStatusPlanner.Observed observed(T owner, LabelSelector selector, List<Pod> claimed, List<Pod> all) {
        List<Pod> terminating = null;
        if (kind.reportsTerminating()) {
            String uid = owner.getMetadata().getUid();
            terminating = all.stream().filter(Pods::isTerminating)
                    .filter(p -> Objects.equals(OwnerRefs.controllerUid(p), uid))
                    .filter(p -> selector.matches(p.getMetadata().getLabels())).toList();
        }
        var template = kind.template(owner);
        return new ReplicaStatusPlanner.Observed(kind.replicas(owner), kind.minReadySeconds(owner),
                template == null || template.getMetadata() == null ? null : template.getMetadata().getLabels(),
                claimed, terminating);
    }

    /** Writes the status when it changed; returns what the API now holds. */
    private ReplicaStatus writeStatus(T owner, ReplicaStatus status) {
        long generation = owner.getMetadata().getGeneration() == null ? 0 : owner.getMetadata().getGeneration();
        if (!ReplicaStatusPlanner.needsUpdate(kind.status(owner), status, generation)) {
            return kind.status(owner);
        }
        ReplicaStatus target = status.withObservedGeneration(generation);
        String uid = owner.getMetadata().getUid();
        try {
            T updated = client.editStatus(kind.type(), owner.getMetadata().getNamespace(), owner.getMetadata().getName(),
                    fresh -> {
                        if (!uid.equals(fresh.getMetadata().getUid())) {
                            return null;
                        }
                        kind.setStatus(fresh, target);
                        return fresh;
                    });
            return kind.status(updated);
        } catch (ClientException e) {
            if (e.isNotFound()) {
                return target;
            }
            throw e;
        }
    }

    /** Resync after minReadySeconds when every pod is ready but not all are available yet. */
    private Result availabilityRecheck(T owner, ReplicaStatus status) {
        int minReady = kind.minReadySeconds(owner);
        int desired = kind.replicas(owner);
        if (minReady > 0 && status.readyReplicas() == desired && status.availableReplicas() != desired) {
            return Result.after(Duration.ofSeconds(minReady));
        }
        return Result.DONE;
    }
}
