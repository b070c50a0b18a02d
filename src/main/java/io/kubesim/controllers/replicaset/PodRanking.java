package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which pods a scale-down deletes first: {@code ActivePodsWithRanks.Less} of {@code controller_utils.go} with
 * the default feature gates (PodDeletionCost and LogarithmicScaleDown on), and {@code getPodsToDelete} /
 * {@code getPodsRankedByRelatedPodsOnSameNode} of {@code replica_set.go}.
 *
 * <p>Order, first deciding difference wins: unassigned before assigned; Pending, Unknown, Running; not ready
 * before ready; lower {@code controller.kubernetes.io/pod-deletion-cost}; more active related pods (pods of the
 * ReplicaSets of the same owner) on the same node; both ready: more recently ready (in log2 buckets of the time
 * since, ties by uid); more restarts; newer (log2 buckets, ties by uid).
 */
public final class PodRanking {

    public static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

    private PodRanking() {
    }

    /** A pod with what the order looks at, computed once. */
    record Ranked(Pod pod, boolean assigned, int phase, boolean ready, int cost, int rank, Instant readySince,
                  int restarts, Instant created, String uid) {
    }

    /**
     * The {@code diff} pods of {@code pods} to delete; no ranking when all go.
     *
     * @param related active or not, the pods of every ReplicaSet with the same controller (usually a superset)
     */
    public static List<Pod> podsToDelete(List<Pod> pods, List<Pod> related, int diff, Instant now) {
        if (diff >= pods.size()) {
            return List.copyOf(pods);
        }
        return rank(pods, related, now).subList(0, diff);
    }

    /** Every pod of {@code pods}, those to delete first at the front. */
    public static List<Pod> rank(List<Pod> pods, List<Pod> related, Instant now) {
        Map<String, Integer> onNode = new HashMap<>();
        for (Pod p : related) {
            if (Pods.isActive(p)) {
                onNode.merge(node(p), 1, Integer::sum);
            }
        }
        List<Ranked> ranked = new ArrayList<>(pods.size());
        for (Pod p : pods) {
            ranked.add(describe(p, onNode.getOrDefault(node(p), 0)));
        }
        insertionSort(ranked, now);
        return ranked.stream().map(Ranked::pod).toList();
    }

    /** A sort that never rejects an inconsistent order (the log buckets with uid ties are not transitive). */
    private static void insertionSort(List<Ranked> list, Instant now) {
        for (int i = 1; i < list.size(); i++) {
            Ranked x = list.get(i);
            int j = i - 1;
            while (j >= 0 && less(x, list.get(j), now)) {
                list.set(j + 1, list.get(j));
                j--;
            }
            list.set(j + 1, x);
        }
    }

    static Ranked describe(Pod p, int rank) {
        return new Ranked(p, !node(p).isEmpty(), phaseOrdinal(Pods.phase(p)), Pods.isReady(p), deletionCost(p), rank,
                Pods.readySince(p), Pods.maxRestarts(p), KubeTime.parse(p.getMetadata().getCreationTimestamp()),
                Objects.requireNonNullElse(p.getMetadata().getUid(), ""));
    }

    /** Whether {@code a} should be deleted before {@code b}. */
    static boolean less(Ranked a, Ranked b, Instant now) {
        if (a.assigned() != b.assigned()) {
            return !a.assigned();
        }
        if (a.phase() != b.phase()) {
            return a.phase() < b.phase();
        }
        if (a.ready() != b.ready()) {
            return !a.ready();
        }
        if (a.cost() != b.cost()) {
            return a.cost() < b.cost();
        }
        if (a.rank() != b.rank()) {
            return a.rank() > b.rank();
        }
        if (a.ready() && b.ready() && !Objects.equals(a.readySince(), b.readySince())) {
            return newerFirst(a.readySince(), b.readySince(), a.uid(), b.uid(), now);
        }
        if (a.restarts() != b.restarts()) {
            return a.restarts() > b.restarts();
        }
        if (!Objects.equals(a.created(), b.created())) {
            return newerFirst(a.created(), b.created(), a.uid(), b.uid(), now);
        }
        return false;
    }

    /** Zero (unknown) times first, then the later time, compared in log2 buckets of their age; ties by uid. */
    private static boolean newerFirst(Instant t1, Instant t2, String uid1, String uid2, Instant now) {
        if (now == null || t1 == null || t2 == null) {
            return afterOrZero(t1, t2);
        }
        long diff = logBucket(Duration.between(t1, now)) - logBucket(Duration.between(t2, now));
        if (diff == 0) {
            return uid1.compareTo(uid2) < 0;
        }
        return diff < 0;
    }

    private static boolean afterOrZero(Instant t1, Instant t2) {
        if (t1 == null || t2 == null) {
            return t1 == null;
        }
        return t1.isAfter(t2);
    }

    /** {@code int64(math.Log2(float64(d)))} for a duration in nanoseconds; -1 when it is not positive. */
    static long logBucket(Duration d) {
        long nanos = d.toNanos();
        return nanos > 0 ? 63 - Long.numberOfLeadingZeros(nanos) : -1;
    }

    /** {@code podPhaseToOrdinal}: Pending 0, Unknown 1, Running 2, anything else 0. */
    static int phaseOrdinal(String phase) {
        return switch (phase) {
            case "Unknown" -> 1;
            case "Running" -> 2;
            default -> 0;
        };
    }

    /** The deletion cost annotation as an int32; absent or invalid is 0. */
    static int deletionCost(Pod p) {
        Map<String, String> annotations = p.getMetadata().getAnnotations();
        String v = annotations == null ? null : annotations.get(DELETION_COST);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String node(Pod p) {
        return p.getSpec() == null || p.getSpec().getNodeName() == null ? "" : p.getSpec().getNodeName();
    }
}
