package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pods/eviction} without PodDisruptionBudgets (none are served, so every eviction is allowed): the
 * {@code DisruptionTarget} condition ({@code EvictionByEvictionAPI}), then a normal delete with the eviction's
 * DeleteOptions, as {@code addConditionAndDeletePod}.
 */
final class PodEviction {

    private final ResourceRegistry registry;
    private final Clock clock;

    PodEviction(ResourceRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void evict(String namespace, String name, DeleteOptions options) {
        ResourceStrategy<Pod> pods = registry.catalog().strategy(Pod.class);
        Pod pod = registry.decode(registry.get(pods, namespace, name), pods);
        String uid = options.preconditionUid();
        if (uid != null && !uid.equals(pod.getMetadata().getUid())) {
            throw ApiException.conflict("", "pods", name, "StorageError: invalid object, Code: 4, Key: /registry/pods/"
                    + namespace + "/" + name + ", ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in "
                    + "precondition: " + uid + ", UID in object meta: " + pod.getMetadata().getUid());
        }
        String rv = options.preconditionResourceVersion();
        if (rv != null && !rv.equals(pod.getMetadata().getResourceVersion())) {
            throw ApiException.conflict("", "pods", name, "StorageError: invalid object, Code: 4, Key: /registry/pods/"
                    + namespace + "/" + name + ", ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: "
                    + "ResourceVersion in precondition: " + rv + ", ResourceVersion in object meta: "
                    + pod.getMetadata().getResourceVersion());
        }
        if (!options.dryRun()) {
            registry.mutate(Pod.class, namespace, name, Subresource.SYSTEM, this::withDisruptionTarget,
                    WriteOptions.manager("kube-apiserver"));
        }
        registry.delete(pods, namespace, name, options);
    }

    private Pod withDisruptionTarget(Pod pod) {
        List<PodCondition> conditions = new ArrayList<>(pod.getStatus().getConditions() == null ? List.of()
                : pod.getStatus().getConditions());
        PodCondition existing = conditions.stream().filter(c -> "DisruptionTarget".equals(c.getType())).findFirst()
                .orElse(null);
        if (existing != null && "True".equals(existing.getStatus())
                && "EvictionByEvictionAPI".equals(existing.getReason())) {
            return null;
        }
        conditions.remove(existing);
        PodCondition c = new PodCondition();
        c.setType("DisruptionTarget");
        c.setStatus("True");
        c.setReason("EvictionByEvictionAPI");
        c.setMessage("Eviction API: evicting");
        c.setLastTransitionTime(Timestamps.format(clock.instant()));
        conditions.add(c);
        pod.getStatus().setConditions(conditions);
        return pod;
    }
}
