package io.kubesim.registry.defaults;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The mutating pod admission plugins of a default kube-apiserver that only fill in defaults:
 * {@code ServiceAccount} (name {@code default}), {@code Priority} (priority and preemption policy) and
 * {@code DefaultTolerationSeconds} (not-ready / unreachable {@code NoExecute} tolerations, 300 s).
 * The token volume of the {@code ServiceAccount} plugin is separate: see {@link ServiceAccountToken}.
 * Sources: {@code plugin/pkg/admission/{serviceaccount,priority,defaulttolerationseconds}/admission.go}.
 */
public final class PodAdmission {

    /** The resolved {@code PriorityClass} of a pod: its value and preemption policy (may be null). */
    public record PriorityClassRef(int value, String preemptionPolicy) {
    }

    /** {@code DefaultServiceAccountName}. */
    public static final String DEFAULT_SERVICE_ACCOUNT = "default";
    /** Toleration seconds of the two default tolerations ({@code --default-*-toleration-seconds}). */
    public static final long DEFAULT_TOLERATION_SECONDS = 300;
    static final String TAINT_NOT_READY = "node.kubernetes.io/not-ready";
    static final String TAINT_UNREACHABLE = "node.kubernetes.io/unreachable";
    static final String MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
    static final String PREEMPT_LOWER_PRIORITY = "PreemptLowerPriority";

    /** The built-in classes every cluster has ({@code pkg/apis/scheduling}). */
    private static final Map<String, PriorityClassRef> BUILT_IN = Map.of(
            "system-node-critical", new PriorityClassRef(2000001000, PREEMPT_LOWER_PRIORITY),
            "system-cluster-critical", new PriorityClassRef(2000000000, PREEMPT_LOWER_PRIORITY));

    private PodAdmission() {
    }

    /** Resolves only the two built-in priority classes; there is no global default class. */
    public static Optional<PriorityClassRef> builtInPriorityClass(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    /**
     * Admission on create for a cluster with only the built-in priority classes.
     *
     * @return empty when admitted, else the message of the 403 Forbidden the real server returns
     */
    public static Optional<String> onCreate(Pod pod) {
        return onCreate(pod, PodAdmission::builtInPriorityClass, null);
    }

    /**
     * Admission on create.
     *
     * @param priorityClasses resolves a class name to its value; {@code globalDefault} is the class marked
     *                        {@code globalDefault: true}, or null when there is none
     * @return empty when admitted, else the message of the 403 Forbidden the real server returns
     */
    public static Optional<String> onCreate(Pod pod, Function<String, Optional<PriorityClassRef>> priorityClasses,
                                            Map.Entry<String, PriorityClassRef> globalDefault) {
        if (pod == null) {
            return Optional.empty();
        }
        if (pod.getSpec() == null) {
            pod.setSpec(new PodSpec());
        }
        PodSpec spec = pod.getSpec();
        if (!isMirrorPod(pod) && ContainerDefaults.isEmpty(spec.getServiceAccountName())) {
            spec.setServiceAccountName(DEFAULT_SERVICE_ACCOUNT);
        }
        PodDefaults.serviceAccountAlias(spec);
        Optional<String> denied = priority(spec, priorityClasses, globalDefault);
        defaultTolerations(spec);
        return denied;
    }

    /** Admission on update: priority fields are kept from the old pod, default tolerations re-applied. */
    public static void onUpdate(Pod pod, Pod oldPod) {
        if (pod == null || pod.getSpec() == null) {
            return;
        }
        PodSpec old = oldPod == null ? null : oldPod.getSpec();
        if (old != null && pod.getSpec().getPriority() == null) {
            pod.getSpec().setPriority(old.getPriority());
        }
        if (old != null && pod.getSpec().getPreemptionPolicy() == null) {
            pod.getSpec().setPreemptionPolicy(old.getPreemptionPolicy());
        }
        defaultTolerations(pod.getSpec());
    }

    private static boolean isMirrorPod(Pod pod) {
        return pod.getMetadata() != null && pod.getMetadata().getAnnotations() != null
                && pod.getMetadata().getAnnotations().containsKey(MIRROR_POD_ANNOTATION);
    }

    private static Optional<String> priority(PodSpec spec, Function<String, Optional<PriorityClassRef>> classes,
                                             Map.Entry<String, PriorityClassRef> globalDefault) {
        Optional<PriorityClassRef> found = resolve(spec, classes, globalDefault);
        if (found.isEmpty()) {
            return Optional.of("no PriorityClass with name " + spec.getPriorityClassName() + " was found");
        }
        PriorityClassRef resolved = found.get();
        if (spec.getPriority() != null && spec.getPriority() != resolved.value()) {
            return Optional.of("the integer value of priority (" + spec.getPriority() + ") must not be provided in "
                    + "pod spec; priority admission controller computed " + resolved.value()
                    + " from the given PriorityClass name");
        }
        spec.setPriority(resolved.value());
        String policy = resolved.preemptionPolicy();
        if (policy != null && spec.getPreemptionPolicy() != null && !policy.equals(spec.getPreemptionPolicy())) {
            return Optional.of("the string value of PreemptionPolicy (" + spec.getPreemptionPolicy() + ") must not "
                    + "be provided in pod spec; priority admission controller computed " + policy
                    + " from the given PriorityClass name");
        }
        if (policy != null) {
            spec.setPreemptionPolicy(policy);
        }
        return Optional.empty();
    }

    private static Optional<PriorityClassRef> resolve(PodSpec spec,
                                                      Function<String, Optional<PriorityClassRef>> classes,
                                                      Map.Entry<String, PriorityClassRef> globalDefault) {
        if (!ContainerDefaults.isEmpty(spec.getPriorityClassName())) {
            return classes.apply(spec.getPriorityClassName());
        }
        spec.setPriorityClassName(globalDefault == null ? null : globalDefault.getKey());
        return Optional.of(globalDefault == null
                ? new PriorityClassRef(0, PREEMPT_LOWER_PRIORITY) : globalDefault.getValue());
    }

    /** {@code DefaultTolerationSeconds}: adds whichever of the two tolerations the pod does not already have. */
    static void defaultTolerations(PodSpec spec) {
        List<Toleration> tolerations = spec.getTolerations() == null ? new ArrayList<>() : spec.getTolerations();
        boolean notReady = tolerations.stream().anyMatch(t -> toleratesNoExecute(t, TAINT_NOT_READY));
        boolean unreachable = tolerations.stream().anyMatch(t -> toleratesNoExecute(t, TAINT_UNREACHABLE));
        if (!notReady) {
            tolerations.add(noExecute(TAINT_NOT_READY));
        }
        if (!unreachable) {
            tolerations.add(noExecute(TAINT_UNREACHABLE));
        }
        spec.setTolerations(tolerations);
    }

    private static boolean toleratesNoExecute(Toleration t, String key) {
        return t != null && (ContainerDefaults.isEmpty(t.getKey()) || key.equals(t.getKey()))
                && (ContainerDefaults.isEmpty(t.getEffect()) || "NoExecute".equals(t.getEffect()));
    }

    private static Toleration noExecute(String key) {
        Toleration t = new Toleration();
        t.setKey(key);
        t.setOperator("Exists");
        t.setEffect("NoExecute");
        t.setTolerationSeconds(DEFAULT_TOLERATION_SECONDS);
        return t;
    }
}
