package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@code deployment.kubernetes.io/*} annotations of {@code deployment_util.go}: revisions, revision history,
 * desired and max replicas, and the Deployment annotations copied to its new ReplicaSet. Setters mutate the
 * object they are given (a private copy) and report whether anything changed.
 */
final class DeploymentAnnotations {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    static final String ROLLBACK_TO = "deprecated.deployment.rollback.to";

    /** {@code maxRevHistoryLengthInChars} of the controller. */
    static final int MAX_REVISION_HISTORY_CHARS = 2000;

    /** {@code annotationsToSkip}: never copied from a Deployment to its ReplicaSets. */
    static final Set<String> SKIPPED = Set.of(LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS,
            ROLLBACK_TO);

    private DeploymentAnnotations() {
    }

    static Map<String, String> annotations(HasMetadata o) {
        if (o.getMetadata().getAnnotations() == null) {
            o.getMetadata().setAnnotations(new LinkedHashMap<>());
        }
        return o.getMetadata().getAnnotations();
    }

    private static String get(HasMetadata o, String key) {
        Map<String, String> a = o.getMetadata().getAnnotations();
        return a == null ? null : a.get(key);
    }

    /** {@code Revision}: 0 when absent; throws NumberFormatException when it is not a number. */
    static long revision(HasMetadata o) {
        String v = get(o, REVISION);
        return v == null ? 0 : Long.parseLong(v);
    }

    static long revisionOrZero(HasMetadata o) {
        try {
            return revision(o);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code MaxRevision}: the highest parseable revision, 0 when none. */
    static long maxRevision(List<ReplicaSet> list) {
        return list.stream().mapToLong(DeploymentAnnotations::revisionOrZero).max().orElse(0);
    }

    static OptionalInt desiredReplicas(ReplicaSet rs) {
        return intAnnotation(rs, DESIRED_REPLICAS);
    }

    static OptionalInt maxReplicas(ReplicaSet rs) {
        return intAnnotation(rs, MAX_REPLICAS);
    }

    private static OptionalInt intAnnotation(ReplicaSet rs, String key) {
        String v = get(rs, key);
        try {
            return v == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * {@code SetNewReplicaSetAnnotations}: copies the Deployment's annotations, raises the revision to
     * {@code newRevision} when it is lower (appending the old one to the revision history, within
     * {@code historyLimit} characters, when the ReplicaSet already had a revision: a rollback), and, for a
     * ReplicaSet about to be created, sets desired and max replicas.
     */
    static boolean setNewReplicaSetAnnotations(Deployment d, ReplicaSet rs, String newRevision, boolean exists,
                                               int historyLimit) {
        boolean changed = copyDeploymentAnnotations(d, rs);
        Map<String, String> a = annotations(rs);
        String oldRevision = a.get(REVISION);
        long oldValue;
        long newValue;
        try {
            oldValue = oldRevision == null || oldRevision.isEmpty() ? 0 : Long.parseLong(oldRevision);
            newValue = Long.parseLong(newRevision);
        } catch (NumberFormatException e) {
            return false;
        }
        if (oldValue < newValue) {
            a.put(REVISION, newRevision);
            changed = true;
            if (oldRevision != null) {
                appendHistory(a, oldRevision, historyLimit);
            }
        }
        if (!exists) {
            int replicas = Deployments.replicas(d);
            changed |= setReplicasAnnotations(rs, replicas, replicas + RolloutMath.maxSurge(d));
        }
        return changed;
    }

    private static void appendHistory(Map<String, String> a, String oldRevision, int limit) {
        String history = a.getOrDefault(REVISION_HISTORY, "");
        if (history.isEmpty()) {
            a.put(REVISION_HISTORY, oldRevision);
            return;
        }
        List<String> revisions = new ArrayList<>(Arrays.asList(history.split(",", -1)));
        int total = history.length() + oldRevision.length() + 1;
        int start = 0;
        while (total > limit && start < revisions.size()) {
            total -= revisions.get(start).length() + 1;
            start++;
        }
        if (total <= limit) {
            List<String> kept = new ArrayList<>(revisions.subList(start, revisions.size()));
            kept.add(oldRevision);
            a.put(REVISION_HISTORY, String.join(",", kept));
        }
    }

    /** {@code copyDeploymentAnnotationsToReplicaSet}: every annotation but the skipped ones. */
    static boolean copyDeploymentAnnotations(Deployment d, ReplicaSet rs) {
        boolean changed = false;
        Map<String, String> target = annotations(rs);
        Map<String, String> source = d.getMetadata().getAnnotations() == null ? Map.of() : d.getMetadata().getAnnotations();
        for (Map.Entry<String, String> e : source.entrySet()) {
            if (SKIPPED.contains(e.getKey()) || e.getValue().equals(target.get(e.getKey()))) {
                continue;
            }
            target.put(e.getKey(), e.getValue());
            changed = true;
        }
        return changed;
    }

    /** {@code SetReplicasAnnotations}. */
    static boolean setReplicasAnnotations(ReplicaSet rs, int desired, int max) {
        Map<String, String> a = annotations(rs);
        boolean changed = false;
        if (!Integer.toString(desired).equals(a.get(DESIRED_REPLICAS))) {
            a.put(DESIRED_REPLICAS, Integer.toString(desired));
            changed = true;
        }
        if (!Integer.toString(max).equals(a.get(MAX_REPLICAS))) {
            a.put(MAX_REPLICAS, Integer.toString(max));
            changed = true;
        }
        return changed;
    }

    /** {@code ReplicasAnnotationsNeedUpdate}. */
    static boolean replicasAnnotationsNeedUpdate(ReplicaSet rs, int desired, int max) {
        return !Integer.toString(desired).equals(get(rs, DESIRED_REPLICAS))
                || !Integer.toString(max).equals(get(rs, MAX_REPLICAS));
    }

    /** {@code SetDeploymentRevision}. */
    static boolean setDeploymentRevision(Deployment d, String revision) {
        Map<String, String> a = annotations(d);
        if (revision == null || revision.equals(a.get(REVISION))) {
            return false;
        }
        a.put(REVISION, revision);
        return true;
    }
}
