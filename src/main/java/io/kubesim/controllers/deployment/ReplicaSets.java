package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.replicaset.KubeTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * ReplicaSet helpers of {@code controller_utils.go} and {@code deployment_util.go}: orderings, sums, active
 * filtering, finding the new and old ReplicaSets. Null ReplicaSets (a missing new one) are skipped everywhere.
 */
final class ReplicaSets {

    private ReplicaSets() {
    }

    static int spec(ReplicaSet rs) {
        return rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    }

    static int minReadySeconds(ReplicaSet rs) {
        return rs.getSpec().getMinReadySeconds() == null ? 0 : rs.getSpec().getMinReadySeconds();
    }

    static int statusReplicas(ReplicaSet rs) {
        return rs.getStatus() == null ? 0 : Deployments.n(rs.getStatus().getReplicas());
    }

    static int ready(ReplicaSet rs) {
        return rs.getStatus() == null ? 0 : Deployments.n(rs.getStatus().getReadyReplicas());
    }

    static int available(ReplicaSet rs) {
        return rs.getStatus() == null ? 0 : Deployments.n(rs.getStatus().getAvailableReplicas());
    }

    static Instant created(ReplicaSet rs) {
        Instant t = KubeTime.parse(rs.getMetadata().getCreationTimestamp());
        return t == null ? Instant.EPOCH : t;
    }

    /** {@code ReplicaSetsByCreationTimestamp}: older first, ties by name. */
    static final Comparator<ReplicaSet> BY_CREATION = Comparator.comparing(ReplicaSets::created)
            .thenComparing(rs -> rs.getMetadata().getName());

    /** {@code ReplicaSetsBySizeOlder}: larger first, ties older first. */
    static final Comparator<ReplicaSet> BY_SIZE_OLDER = Comparator.comparingInt(ReplicaSets::spec).reversed()
            .thenComparing(BY_CREATION);

    /** {@code ReplicaSetsBySizeNewer}: larger first, ties newer first. */
    static final Comparator<ReplicaSet> BY_SIZE_NEWER = Comparator.comparingInt(ReplicaSets::spec).reversed()
            .thenComparing(BY_CREATION.reversed());

    /** {@code ReplicaSetsByRevision}: lower revision first, ties older first. */
    static final Comparator<ReplicaSet> BY_REVISION = Comparator.<ReplicaSet>comparingLong(DeploymentAnnotations::revisionOrZero)
            .thenComparing(BY_CREATION);

    static List<ReplicaSet> sorted(List<ReplicaSet> list, Comparator<ReplicaSet> order) {
        List<ReplicaSet> out = new ArrayList<>(list.stream().filter(Objects::nonNull).toList());
        out.sort(order);
        return out;
    }

    /** {@code FilterActiveReplicaSets}: non-null with {@code spec.replicas > 0}. */
    static List<ReplicaSet> active(List<ReplicaSet> list) {
        return list.stream().filter(Objects::nonNull).filter(rs -> spec(rs) > 0).toList();
    }

    /** Old and new together, without a missing new one. */
    static List<ReplicaSet> all(List<ReplicaSet> old, ReplicaSet newRS) {
        List<ReplicaSet> all = new ArrayList<>(old);
        if (newRS != null) {
            all.add(newRS);
        }
        return all;
    }

    static int sumSpec(List<ReplicaSet> list) {
        return list.stream().filter(Objects::nonNull).mapToInt(ReplicaSets::spec).sum();
    }

    static int sumStatus(List<ReplicaSet> list) {
        return list.stream().filter(Objects::nonNull).mapToInt(ReplicaSets::statusReplicas).sum();
    }

    static int sumReady(List<ReplicaSet> list) {
        return list.stream().filter(Objects::nonNull).mapToInt(ReplicaSets::ready).sum();
    }

    static int sumAvailable(List<ReplicaSet> list) {
        return list.stream().filter(Objects::nonNull).mapToInt(ReplicaSets::available).sum();
    }

    /** {@code GetTerminatingReplicaCountForReplicaSets}: null as soon as one ReplicaSet does not report it. */
    static Integer sumTerminating(List<ReplicaSet> list) {
        int sum = 0;
        for (ReplicaSet rs : list) {
            if (rs == null) {
                continue;
            }
            if (rs.getStatus() == null || rs.getStatus().getTerminatingReplicas() == null) {
                return null;
            }
            sum += rs.getStatus().getTerminatingReplicas();
        }
        return sum;
    }

    /** {@code FindNewReplicaSet}: the oldest ReplicaSet whose template equals the Deployment's, ignoring the hash. */
    static ReplicaSet findNew(Deployment d, List<ReplicaSet> list) {
        for (ReplicaSet rs : sorted(list, BY_CREATION)) {
            if (PodTemplateHash.templatesEqualIgnoringHash(rs.getSpec().getTemplate(), d.getSpec().getTemplate())) {
                return rs;
            }
        }
        return null;
    }

    /** {@code FindOldReplicaSets} (all of them): every ReplicaSet but the new one. */
    static List<ReplicaSet> findOld(Deployment d, List<ReplicaSet> list) {
        ReplicaSet newRS = findNew(d, list);
        return list.stream().filter(rs -> newRS == null
                || !Objects.equals(rs.getMetadata().getUid(), newRS.getMetadata().getUid())).toList();
    }

    /**
     * {@code FindActiveOrLatest}: the only active ReplicaSet, or the newest when none is active (the new one if
     * present); null when several are active.
     */
    static ReplicaSet activeOrLatest(ReplicaSet newRS, List<ReplicaSet> old) {
        if (newRS == null && old.isEmpty()) {
            return null;
        }
        List<ReplicaSet> newestFirst = sorted(old, BY_CREATION.reversed());
        List<ReplicaSet> active = active(all(newestFirst, newRS));
        if (active.isEmpty()) {
            return newRS != null ? newRS : newestFirst.get(0);
        }
        return active.size() == 1 ? active.get(0) : null;
    }

    /** {@code IsSaturated}: the ReplicaSet runs, was told, and has available exactly the Deployment's replicas. */
    static boolean saturated(Deployment d, ReplicaSet rs) {
        if (rs == null) {
            return false;
        }
        String desired = rs.getMetadata().getAnnotations() == null ? null
                : rs.getMetadata().getAnnotations().get(DeploymentAnnotations.DESIRED_REPLICAS);
        int replicas = Deployments.replicas(d);
        try {
            return desired != null && Integer.parseInt(desired) == replicas && spec(rs) == replicas
                    && available(rs) == replicas;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
