package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.kubesim.registry.ApiException;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.defaults.PodAdmission;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.registry.validation.PodValidation;
import io.kubesim.selection.LabelRules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * core/v1 Pod: graceful deletion, status reset on create, the admission defaults (service account,
 * default tolerations, priority), and the pod field selectors.
 */
final class PodStrategy implements ResourceStrategy<Pod> {

    private static final ResourceType TYPE = ResourceType.of("", "v1", "Pod", "pods", Pod.class)
            .shortNames("po").categories("all").subresources("status", "binding", "eviction", "log")
            .returnDeletedObject().gracefulDeletion().build();

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(Pod object) {
        Defaults.pod(object);
    }

    @Override
    public void prepareForCreate(Pod object, Instant now) {
        Optional<String> refused = Defaults.podAdmission(object);
        if (refused.isPresent()) {
            throw ApiException.forbidden("", "pods", name(object), refused.get());
        }
        Defaults.podOnCreate(object);
        object.getMetadata().setGeneration(null);
    }

    @Override
    public void prepareForUpdate(Pod object, Pod old) {
        PodAdmission.onUpdate(object, old);
    }

    @Override
    public void prepareForStatusUpdate(Pod object, Pod old) {
        object.getMetadata().setOwnerReferences(old.getMetadata().getOwnerReferences());
    }

    private static String name(Pod p) {
        String n = p.getMetadata().getName();
        return n == null || n.isEmpty() ? String.valueOf(p.getMetadata().getGenerateName()) : n;
    }

    @Override
    public List<FieldError> validate(Pod object) {
        return BehaviorAdmission.plus(PodValidation.validatePod(object),
                BehaviorAdmission.validate(object.getMetadata(), "metadata"));
    }

    @Override
    public List<FieldError> validateUpdate(Pod object, Pod old) {
        return BehaviorAdmission.plus(PodValidation.validatePodUpdate(object, old),
                BehaviorAdmission.validate(object.getMetadata(), "metadata"));
    }

    @Override
    public List<String> warnings(Pod object) {
        String name = object.getMetadata().getName();
        if (name != null && !LabelRules.isDNS1123Label(name).isEmpty()) {
            return List.of("metadata.name: this is used in the Pod's hostname, which can result in surprising behavior;"
                    + " a DNS label is recommended: " + LabelRules.isDNS1123Label(name));
        }
        return List.of();
    }

    @Override
    public Map<String, Function<Pod, String>> selectableFields() {
        return Map.of(
                "spec.nodeName", p -> spec(p).getNodeName(),
                "spec.host", p -> spec(p).getNodeName(),
                "spec.restartPolicy", p -> spec(p).getRestartPolicy(),
                "spec.schedulerName", p -> spec(p).getSchedulerName(),
                "spec.serviceAccountName", p -> spec(p).getServiceAccountName(),
                "spec.hostNetwork", p -> Boolean.toString(Boolean.TRUE.equals(spec(p).getHostNetwork())),
                "status.phase", p -> status(p).getPhase(),
                "status.podIP", p -> status(p).getPodIP(),
                "status.podIPs", p -> status(p).getPodIP(),
                "status.nominatedNodeName", p -> status(p).getNominatedNodeName());
    }

    private static PodSpec spec(Pod p) {
        return p.getSpec() == null ? new PodSpec() : p.getSpec();
    }

    private static PodStatus status(Pod p) {
        return p.getStatus() == null ? new PodStatus() : p.getStatus();
    }

    /** Upstream: the requested grace, else the pod's; 0 for unscheduled or finished pods. */
    @Override
    public long gracePeriod(Pod pod, Long requested) {
        String node = spec(pod).getNodeName();
        String phase = status(pod).getPhase();
        if (node == null || node.isEmpty() || "Succeeded".equals(phase) || "Failed".equals(phase)) {
            return 0;
        }
        if (requested != null) {
            return requested;
        }
        Long own = spec(pod).getTerminationGracePeriodSeconds();
        return own == null ? 30 : own;
    }
}
