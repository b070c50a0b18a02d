package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code pods/binding} subresource: sets {@code spec.nodeName} and {@code PodScheduled=True} in one
 * write, refusing pods that are deleting, already bound or gated (409 on {@code pods/binding}).
 */
final class PodBinding {

    private final WritePath writes;
    private final Clock clock;

    PodBinding(WritePath writes, Clock clock) {
        this.writes = writes;
        this.clock = clock;
    }

    WriteResult bind(ResourceStrategy<Pod> pods, String namespace, String name, String node, String uid,
                     java.util.Map<String, String> annotations, WriteOptions o) {
        if (node == null || node.isEmpty()) {
            throw ApiException.invalid("", "Binding", name, List.of(io.kubesim.registry.validation.FieldError.required(
                    "target.name", "")));
        }
        return writes.update(pods, namespace, name, Subresource.SYSTEM, (fresh, stored) -> {
            Pod pod = fresh.get();
            if (uid != null && !uid.isEmpty() && !uid.equals(pod.getMetadata().getUid())) {
                throw conflict(name, "Precondition failed: UID in precondition: " + uid + ", UID in object meta: "
                        + pod.getMetadata().getUid());
            }
            if (pod.getMetadata().getDeletionTimestamp() != null) {
                throw conflict(name, "pod " + name + " is being deleted, cannot be assigned to a host");
            }
            String current = pod.getSpec().getNodeName();
            if (current != null && !current.isEmpty()) {
                throw conflict(name, "pod " + name + " is already assigned to node " + io.kubesim.registry.validation.GoFormat.quote(current));
            }
            if (pod.getSpec().getSchedulingGates() != null && !pod.getSpec().getSchedulingGates().isEmpty()) {
                throw conflict(name, "pod " + name + " has non-empty .spec.schedulingGates");
            }
            pod.getSpec().setNodeName(node);
            if (annotations != null && !annotations.isEmpty()) {
                var merged = new java.util.LinkedHashMap<>(pod.getMetadata().getAnnotations() == null
                        ? java.util.Map.<String, String>of() : pod.getMetadata().getAnnotations());
                merged.putAll(annotations);
                pod.getMetadata().setAnnotations(merged);
            }
            setScheduled(pod);
            return pod;
        }, false, o, new ArrayList<>());
    }

    private void setScheduled(Pod pod) {
        if (pod.getStatus() == null) {
            pod.setStatus(new PodStatus());
        }
        List<PodCondition> conditions = new ArrayList<>(pod.getStatus().getConditions() == null ? List.of()
                : pod.getStatus().getConditions());
        conditions.removeIf(c -> "PodScheduled".equals(c.getType()));
        PodCondition scheduled = new PodCondition();
        scheduled.setType("PodScheduled");
        scheduled.setStatus("True");
        scheduled.setLastTransitionTime(Timestamps.format(clock.instant()));
        conditions.add(scheduled);
        pod.getStatus().setConditions(conditions);
    }

    private static ApiException conflict(String name, String why) {
        return ApiException.conflict("", "pods/binding", name, why);
    }
}
