package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.selection.LabelSelector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code calculateStatus} and the status-update guard of {@code replica_set_utils.go}, as pure functions.
 */
public final class ReplicaStatusPlanner {

    private ReplicaStatusPlanner() {
    }

    /** What a sync saw: the desired shape and the claimed pods, split into active and terminating. */
    public record Observed(int desiredReplicas, int minReadySeconds, Map<String, String> templateLabels,
                           List<Pod> active, List<Pod> terminating) {
    }

    /**
     * The new status: counts from the active pods ({@code fullyLabeledReplicas} = pods carrying every template
     * label, {@code availableReplicas} = ready for {@code minReadySeconds} by {@code now}), terminatingReplicas when
     * {@code observed.terminating} is non-null, and the {@code ReplicaFailure} condition: set (reason
     * {@code FailedCreate} when pods are missing, {@code FailedDelete} when there are too many) only if absent, and
     * removed once managing succeeds. The observed generation is carried over from {@code old}.
     *
     * @param manageError the error text of the last manage step, or null when it succeeded (or did not run)
     */
    public static ReplicaStatus calculate(ReplicaStatus old, Observed observed, String manageError, Instant now) {
        LabelSelector templateLabels = LabelSelector.fromMap(observed.templateLabels());
        int fullyLabeled = 0;
        int ready = 0;
        int available = 0;
        for (Pod p : observed.active()) {
            if (templateLabels.matches(p.getMetadata().getLabels())) {
                fullyLabeled++;
            }
            if (Pods.isReady(p)) {
                ready++;
                if (Pods.isAvailable(p, observed.minReadySeconds(), now)) {
                    available++;
                }
            }
        }
        Integer terminating = observed.terminating() == null ? null : observed.terminating().size();
        List<ReplicaCondition> conditions = failureConditions(old, observed, manageError, now);
        return new ReplicaStatus(observed.active().size(), fullyLabeled, ready, available, terminating,
                old.observedGeneration(), conditions);
    }

    private static List<ReplicaCondition> failureConditions(ReplicaStatus old, Observed observed, String manageError,
                                                            Instant now) {
        ReplicaCondition failure = old.condition(ReplicaCondition.REPLICA_FAILURE);
        List<ReplicaCondition> conditions = new ArrayList<>(old.conditions());
        if (manageError != null && failure == null) {
            int diff = observed.active().size() - observed.desiredReplicas();
            String reason = diff < 0 ? "FailedCreate" : diff > 0 ? "FailedDelete" : "";
            conditions.add(new ReplicaCondition(ReplicaCondition.REPLICA_FAILURE, "True", reason, manageError,
                    KubeTime.format(now)));
        } else if (manageError == null && failure != null) {
            conditions.removeIf(c -> ReplicaCondition.REPLICA_FAILURE.equals(c.type()));
        }
        return conditions;
    }

    /**
     * Whether the status must be written: a count or a condition changed, or the generation has not been
     * observed yet.
     */
    public static boolean needsUpdate(ReplicaStatus old, ReplicaStatus calculated, long generation) {
        return !old.equals(calculated.withObservedGeneration(generation));
    }
}
