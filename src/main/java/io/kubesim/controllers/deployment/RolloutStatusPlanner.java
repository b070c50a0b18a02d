package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.kubesim.controllers.replicaset.KubeTime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Deployment's status from its ReplicaSets ({@code calculateStatus}) and the Progressing / ReplicaFailure
 * bookkeeping of {@code progress.go} ({@code syncRolloutStatus}, {@code requeueStuckDeployment}), as pure
 * functions of the Deployment, its ReplicaSets and the time.
 */
final class RolloutStatusPlanner {

    private RolloutStatusPlanner() {
    }

    /** {@code calculateStatus}: counts over the ReplicaSets, the old conditions, and the Available condition. */
    static DeploymentStatus calculate(List<ReplicaSet> all, ReplicaSet newRS, Deployment d, Instant now) {
        DeploymentStatus old = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        int available = ReplicaSets.sumAvailable(all);
        DeploymentStatus s = new DeploymentStatus();
        s.setObservedGeneration(Deployments.generation(d));
        s.setReplicas(ReplicaSets.sumStatus(all));
        s.setUpdatedReplicas(newRS == null ? 0 : ReplicaSets.statusReplicas(newRS));
        s.setReadyReplicas(ReplicaSets.sumReady(all));
        s.setAvailableReplicas(available);
        s.setUnavailableReplicas(Math.max(0, ReplicaSets.sumSpec(all) - available));
        s.setTerminatingReplicas(ReplicaSets.sumTerminating(all));
        s.setCollisionCount(old.getCollisionCount());
        List<DeploymentCondition> conditions = new ArrayList<>();
        if (old.getConditions() != null) {
            old.getConditions().forEach(c -> conditions.add(DeploymentConditions.copy(c)));
        }
        s.setConditions(conditions);
        if (available >= Deployments.replicas(d) - RolloutMath.maxUnavailable(d)) {
            DeploymentConditions.set(s, DeploymentConditions.create(DeploymentConditions.AVAILABLE, "True",
                    DeploymentConditions.MINIMUM_REPLICAS_AVAILABLE, "Deployment has minimum availability.", now));
        } else {
            DeploymentConditions.set(s, DeploymentConditions.create(DeploymentConditions.AVAILABLE, "False",
                    DeploymentConditions.MINIMUM_REPLICAS_UNAVAILABLE, "Deployment does not have minimum availability.",
                    now));
        }
        return s;
    }

    /** {@code syncRolloutStatus}'s status: {@link #calculate} plus Progressing and ReplicaFailure. */
    static DeploymentStatus rollout(List<ReplicaSet> all, ReplicaSet newRS, Deployment d, Instant now) {
        DeploymentStatus s = calculate(all, newRS, d, now);
        if (!Deployments.hasProgressDeadline(d)) {
            DeploymentConditions.remove(s, DeploymentConditions.PROGRESSING);
        }
        DeploymentCondition current = DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
        boolean completeBefore = Objects.equals(s.getReplicas(), s.getUpdatedReplicas()) && current != null
                && DeploymentConditions.NEW_REPLICA_SET_AVAILABLE.equals(current.getReason());
        if (Deployments.hasProgressDeadline(d) && !completeBefore) {
            progress(d, s, newRS, current, now);
        }
        List<DeploymentCondition> failures = replicaFailures(all, newRS);
        if (failures.isEmpty()) {
            DeploymentConditions.remove(s, DeploymentConditions.REPLICA_FAILURE);
        } else {
            DeploymentConditions.set(s, failures.get(0));
        }
        return s;
    }

    private static void progress(Deployment d, DeploymentStatus s, ReplicaSet newRS, DeploymentCondition current,
                                 Instant now) {
        String subject = newRS != null ? "ReplicaSet \"" + newRS.getMetadata().getName() + "\""
                : "Deployment \"" + d.getMetadata().getName() + "\"";
        if (complete(d, s)) {
            DeploymentConditions.set(s, DeploymentConditions.create(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.NEW_REPLICA_SET_AVAILABLE, subject + " has successfully progressed.", now));
        } else if (progressing(d, s)) {
            DeploymentCondition c = DeploymentConditions.create(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.REPLICA_SET_UPDATED, subject + " is progressing.", now);
            if (current != null) {
                if ("True".equals(current.getStatus())) {
                    c.setLastTransitionTime(current.getLastTransitionTime());
                }
                DeploymentConditions.remove(s, DeploymentConditions.PROGRESSING);
            }
            DeploymentConditions.set(s, c);
        } else if (timedOut(d, s, now)) {
            DeploymentConditions.set(s, DeploymentConditions.create(DeploymentConditions.PROGRESSING, "False",
                    DeploymentConditions.PROGRESS_DEADLINE_EXCEEDED, subject + " has timed out progressing.", now));
        }
    }

    /** {@code getReplicaFailures}: the new ReplicaSet's ReplicaFailure conditions first, else any ReplicaSet's. */
    static List<DeploymentCondition> replicaFailures(List<ReplicaSet> all, ReplicaSet newRS) {
        List<DeploymentCondition> out = new ArrayList<>();
        if (newRS != null) {
            failuresOf(newRS, out);
        }
        if (!out.isEmpty()) {
            return out;
        }
        all.stream().filter(Objects::nonNull).forEach(rs -> failuresOf(rs, out));
        return out;
    }

    private static void failuresOf(ReplicaSet rs, List<DeploymentCondition> out) {
        if (rs.getStatus() == null || rs.getStatus().getConditions() == null) {
            return;
        }
        for (ReplicaSetCondition c : rs.getStatus().getConditions()) {
            if (DeploymentConditions.REPLICA_FAILURE.equals(c.getType())) {
                out.add(DeploymentConditions.fromReplicaSet(c));
            }
        }
    }

    /** {@code DeploymentComplete}: every replica updated, no others, all available, and the spec observed. */
    static boolean complete(Deployment d, DeploymentStatus s) {
        int replicas = Deployments.replicas(d);
        return Deployments.n(s.getUpdatedReplicas()) == replicas && Deployments.n(s.getReplicas()) == replicas
                && Deployments.n(s.getAvailableReplicas()) == replicas
                && (s.getObservedGeneration() == null ? 0 : s.getObservedGeneration()) >= Deployments.generation(d);
    }

    /** {@code DeploymentProgressing}: more updated, ready or available replicas, or fewer old ones, than before. */
    static boolean progressing(Deployment d, DeploymentStatus s) {
        DeploymentStatus old = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        int oldOld = Deployments.n(old.getReplicas()) - Deployments.n(old.getUpdatedReplicas());
        int newOld = Deployments.n(s.getReplicas()) - Deployments.n(s.getUpdatedReplicas());
        return Deployments.n(s.getUpdatedReplicas()) > Deployments.n(old.getUpdatedReplicas()) || newOld < oldOld
                || Deployments.n(s.getReadyReplicas()) > Deployments.n(old.getReadyReplicas())
                || Deployments.n(s.getAvailableReplicas()) > Deployments.n(old.getAvailableReplicas());
    }

    /**
     * {@code DeploymentTimedOut}: the Progressing condition (unless it reports a finished rollout) was last
     * updated more than {@code progressDeadlineSeconds} before {@code now}.
     */
    static boolean timedOut(Deployment d, DeploymentStatus s, Instant now) {
        DeploymentCondition c = DeploymentConditions.get(s, DeploymentConditions.PROGRESSING);
        if (!Deployments.hasProgressDeadline(d) || c == null
                || DeploymentConditions.NEW_REPLICA_SET_AVAILABLE.equals(c.getReason())) {
            return false;
        }
        if (DeploymentConditions.PROGRESS_DEADLINE_EXCEEDED.equals(c.getReason())) {
            return true;
        }
        Instant from = KubeTime.parse(c.getLastUpdateTime());
        from = from == null ? Instant.EPOCH : from;
        return from.plusSeconds(d.getSpec().getProgressDeadlineSeconds()).isBefore(now);
    }

    /**
     * {@code requeueStuckDeployment}: when to look again for a rollout that has not progressed, or null when
     * there is nothing to watch (no deadline, no Progressing condition, complete, or already timed out). The
     * wait is until the deadline plus a second, and at least a second.
     */
    static Duration stuckRecheck(Deployment d, DeploymentStatus newStatus, Instant now) {
        DeploymentCondition current = DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
        if (!Deployments.hasProgressDeadline(d) || current == null || complete(d, newStatus)
                || DeploymentConditions.PROGRESS_DEADLINE_EXCEEDED.equals(current.getReason())) {
            return null;
        }
        Instant updated = KubeTime.parse(current.getLastUpdateTime());
        Duration after = Duration.between(now, (updated == null ? Instant.EPOCH : updated)
                .plusSeconds(d.getSpec().getProgressDeadlineSeconds()));
        return (after.isNegative() ? Duration.ZERO : after).plusSeconds(1);
    }

    /** {@code reflect.DeepEqual} of two statuses, with absent counts equal to 0. */
    static boolean same(DeploymentStatus a, DeploymentStatus b) {
        DeploymentStatus x = a == null ? new DeploymentStatus() : a;
        DeploymentStatus y = b == null ? new DeploymentStatus() : b;
        return Deployments.n(x.getReplicas()) == Deployments.n(y.getReplicas())
                && Deployments.n(x.getUpdatedReplicas()) == Deployments.n(y.getUpdatedReplicas())
                && Deployments.n(x.getReadyReplicas()) == Deployments.n(y.getReadyReplicas())
                && Deployments.n(x.getAvailableReplicas()) == Deployments.n(y.getAvailableReplicas())
                && Deployments.n(x.getUnavailableReplicas()) == Deployments.n(y.getUnavailableReplicas())
                && Objects.equals(x.getTerminatingReplicas(), y.getTerminatingReplicas())
                && Objects.equals(x.getCollisionCount(), y.getCollisionCount())
                && Objects.equals(nz(x.getObservedGeneration()), nz(y.getObservedGeneration()))
                && sameConditions(x.getConditions(), y.getConditions());
    }

    private static long nz(Long l) {
        return l == null ? 0 : l;
    }

    private static boolean sameConditions(List<DeploymentCondition> a, List<DeploymentCondition> b) {
        List<DeploymentCondition> x = a == null ? List.of() : a;
        List<DeploymentCondition> y = b == null ? List.of() : b;
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!DeploymentConditions.sameCondition(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }
}
