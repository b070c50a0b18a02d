package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.kubesim.controllers.replicaset.TestPods.NOW;
import static io.kubesim.controllers.replicaset.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

/** The scale-down order of {@code ActivePodsWithRanks}, one criterion at a time. */
class PodRankingTest {

    private static List<String> order(List<Pod> pods, List<Pod> related) {
        List<Pod> shuffled = new ArrayList<>(pods);
        Collections.reverse(shuffled);
        return PodRanking.rank(shuffled, related, NOW).stream().map(p -> p.getMetadata().getName()).toList();
    }

    private static List<String> order(Pod... pods) {
        return order(List.of(pods), List.of());
    }

    @Test
    void unassignedPodsGoBeforeAssignedOnes() {
        assertThat(order(pod("assigned").build(), pod("unassigned").node(null).phase("Pending").build()))
                .containsExactly("unassigned", "assigned");
    }

    @Test
    void pendingThenUnknownThenRunning() {
        assertThat(order(pod("running").build(), pod("unknown").phase("Unknown").build(),
                pod("pending").phase("Pending").build())).containsExactly("pending", "unknown", "running");
    }

    @Test
    void notReadyBeforeReady() {
        assertThat(order(pod("ready").ready(NOW.minusSeconds(60)).build(), pod("unready").notReady().build()))
                .containsExactly("unready", "ready");
    }

    @Test
    void lowerDeletionCostFirstAndInvalidCostCountsAsZero() {
        Pod invalid = pod("invalid").build();
        invalid.getMetadata().setAnnotations(new java.util.HashMap<>(java.util.Map.of(PodRanking.DELETION_COST, "x")));
        assertThat(order(pod("expensive").cost(100).build(), pod("cheap").cost(-5).build(), invalid))
                .containsExactly("cheap", "invalid", "expensive");
    }

    @Test
    void morePodsOfTheSameOwnerOnTheNodeFirst() {
        Pod crowded = pod("crowded").node("a").build();
        Pod alone = pod("alone").node("b").build();
        List<Pod> related = List.of(crowded, alone, pod("sibling-1").node("a").build(), pod("sibling-2").node("a").build(),
                pod("gone").node("b").phase("Succeeded").build());
        assertThat(order(List.of(alone, crowded), related)).containsExactly("crowded", "alone");
    }

    @Test
    void recentlyReadyFirstInLogarithmicBucketsWithUidTies() {
        Pod longAgo = pod("long-ago").ready(NOW.minus(Duration.ofHours(10))).build();
        Pod recent = pod("recent").ready(NOW.minusSeconds(10)).build();
        assertThat(order(longAgo, recent)).containsExactly("recent", "long-ago");
        // 100 s and 120 s ago fall into the same log2 bucket of nanoseconds: the uid decides, not the time
        Pod b = pod("b").ready(NOW.minusSeconds(100)).build();
        Pod a = pod("a").ready(NOW.minusSeconds(120)).build();
        assertThat(PodRanking.logBucket(Duration.ofSeconds(100))).isEqualTo(PodRanking.logBucket(Duration.ofSeconds(120)));
        assertThat(order(b, a)).containsExactly("a", "b");
    }

    @Test
    void moreRestartsFirst() {
        assertThat(order(pod("calm").restarts(0).build(), pod("crashy").restarts(7).build()))
                .containsExactly("crashy", "calm");
    }

    @Test
    void newerPodsFirst() {
        assertThat(order(pod("old").created(NOW.minus(Duration.ofDays(3))).build(),
                pod("new").created(NOW.minusSeconds(5)).build())).containsExactly("new", "old");
    }

    @Test
    void earlierCriteriaWinOverLaterOnes() {
        Pod readyButNew = pod("ready-new").ready(NOW.minusSeconds(1)).created(NOW.minusSeconds(1)).build();
        Pod unreadyOld = pod("unready-old").notReady().created(NOW.minus(Duration.ofDays(9))).restarts(0).build();
        Pod pendingUnassigned = pod("pending").node(null).phase("Pending").build();
        assertThat(order(readyButNew, unreadyOld, pendingUnassigned))
                .containsExactly("pending", "unready-old", "ready-new");
    }

    @Test
    void podsToDeleteTakesTheFrontOfTheRankingOrEverythingWhenAllGo() {
        Pod unready = pod("unready").notReady().build();
        Pod ready = pod("ready").ready(NOW.minusSeconds(300)).build();
        Pod pending = pod("pending").phase("Pending").build();
        assertThat(PodRanking.podsToDelete(List.of(ready, unready, pending), List.of(), 2, NOW))
                .extracting(p -> p.getMetadata().getName()).containsExactly("pending", "unready");
        assertThat(PodRanking.podsToDelete(List.of(ready, unready), List.of(), 2, NOW)).hasSize(2);
    }

    @Test
    void logBucketIsTheFloorOfLog2OfNanoseconds() {
        assertThat(PodRanking.logBucket(Duration.ofNanos(1))).isZero();
        assertThat(PodRanking.logBucket(Duration.ofNanos(1024))).isEqualTo(10);
        assertThat(PodRanking.logBucket(Duration.ofNanos(1023))).isEqualTo(9);
        assertThat(PodRanking.logBucket(Duration.ZERO)).isEqualTo(-1);
    }
}
