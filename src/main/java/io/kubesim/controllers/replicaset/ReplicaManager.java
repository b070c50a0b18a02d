package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ClusterTime;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * {@code manageReplicas}: brings the number of claimed active pods to {@code spec.replicas}, at most
 * {@code burstReplicas} per sync, creating in slow-start batches and deleting the best-ranked pods, with
 * expectations recorded before acting and lowered for everything that will never be observed.
 */
final class ReplicaManager<T extends HasMetadata> {

    private final ReplicaKind<T> kind;
    private final PodControl podControl;
    private final ControllerExpectations expectations;
    private final Function<T, List<Pod>> relatedPods;
    private final ClusterTime time;
    private final int burstReplicas;
    private final Executor creates;

    ReplicaManager(ReplicaKind<T> kind, PodControl podControl, ControllerExpectations expectations,
                   Function<T, List<Pod>> relatedPods, ClusterTime time, int burstReplicas, Executor creates) {
        this.kind = kind;
        this.podControl = podControl;
        this.expectations = expectations;
        this.relatedPods = relatedPods;
        this.time = time;
        this.burstReplicas = burstReplicas;
        this.creates = creates;
    }

    /** Creates or deletes pods; returns the first failure (other than NotFound on delete), or null. */
    RuntimeException manage(T owner, String key, List<Pod> claimed) {
        int diff = claimed.size() - kind.replicas(owner);
        if (diff < 0) {
            return create(owner, key, Math.min(-diff, burstReplicas));
        }
        if (diff > 0) {
            return delete(owner, key, claimed, Math.min(diff, burstReplicas));
        }
        return null;
    }

    private RuntimeException create(T owner, String key, int count) {
        expectations.expectCreations(key, count);
        OwnerReference ref = OwnerRefs.newControllerRef(owner, kind.apiVersion(), kind.kind());
        SlowStartBatch.Outcome outcome = SlowStartBatch.run(count, SlowStartBatch.INITIAL_BATCH_SIZE,
                () -> podControl.create(owner, kind.template(owner), ref), creates);
        for (int skipped = count - outcome.successes(); skipped > 0; skipped--) {
            expectations.creationObserved(key);
        }
        return outcome.error();
    }

    private RuntimeException delete(T owner, String key, List<Pod> claimed, int count) {
        List<Pod> victims = PodRanking.podsToDelete(claimed, relatedPods.apply(owner), count, time.now());
        Set<String> keys = new LinkedHashSet<>();
        victims.forEach(p -> keys.add(Pods.key(p)));
        expectations.expectDeletions(key, keys);
        RuntimeException first = null;
        for (Pod victim : victims) {
            RuntimeException e = podControl.delete(owner, victim.getMetadata().getNamespace(), victim.getMetadata().getName());
            if (e != null) {
                expectations.deletionObserved(key, Pods.key(victim));
                boolean notFound = e instanceof ClientException ce && ce.isNotFound();
                if (!notFound && first == null) {
                    first = e;
                }
            }
        }
        return first;
    }
}
