package io.kubesim.watch;

import io.kubesim.selection.FieldSelector;
import io.kubesim.selection.LabelSelector;
import io.kubesim.selection.SelectionPredicate;
import io.kubesim.storage.ChangeType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The watch cache's window, replay, 410, snapshots and selector enter/leave translation. */
class ResourceCacheTest {

    private long global;
    ResourceCache cache;

    /** Whether the cache keeps its documents deflated (every test here runs both ways). */
    boolean compressed() {
        return false;
    }

    @BeforeEach
    void setUp() {
        global = 10;
        cache = new ResourceCache(new ResourceDescriptor("pods", "v1", "Pod", List.of("status.phase")), 4, 10,
                () -> global, compressed());
    }

    static CachedObject pod(String ns, String name, long rv, Map<String, String> labels, String phase) {
        String json = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\""
                + ns + "\",\"resourceVersion\":\"" + rv + "\"},\"status\":{\"phase\":\"" + phase + "\"}}";
        return new CachedObject(ns, name, "uid-" + name, rv, json.getBytes(StandardCharsets.UTF_8), labels,
                new String[]{phase});
    }

    void apply(ChangeType type, CachedObject o) {
        cache.apply(type, o, System.nanoTime());
        global = o.revision();
    }

    private static List<WatchEvent> drain(Subscription s) {
        List<WatchEvent> out = new ArrayList<>();
        for (WatchEvent e = s.poll(); e != null; e = s.poll()) {
            out.add(e);
        }
        return out;
    }

    private static SelectionPredicate labels(String selector) throws Exception {
        return new SelectionPredicate(LabelSelector.parse(selector), FieldSelector.everything());
    }

    @Test
    void replaysEveryChangeStrictlyAfterTheRevisionInOrder() throws Exception {
        apply(ChangeType.ADDED, pod("a", "p1", 11, Map.of(), "Pending"));
        apply(ChangeType.MODIFIED, pod("a", "p1", 12, Map.of(), "Running"));
        apply(ChangeType.ADDED, pod("a", "p2", 13, Map.of(), "Pending"));
        Subscription s = cache.watch(new WatchQuery(null, SelectionPredicate.everything(),
                WatchQuery.Start.AFTER_REVISION, 11, false, false, 100));
        List<WatchEvent> events = drain(s);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(WatchEvent.Modified.class);
        assertThat(((WatchEvent.Modified) events.get(0)).object().revision()).isEqualTo(12);
        assertThat(((WatchEvent.Added) events.get(1)).object().name()).isEqualTo("p2");
        apply(ChangeType.DELETED, pod("a", "p2", 14, Map.of(), "Pending"));
        assertThat(drain(s)).singleElement().isInstanceOf(WatchEvent.Deleted.class);
    }

    @Test
    void aRevisionOlderThanTheWindowIsExpired() {
        for (int i = 11; i <= 16; i++) {
            apply(ChangeType.ADDED, pod("a", "p" + i, i, Map.of(), "Pending"));
        }
        assertThatThrownBy(() -> cache.watch(new WatchQuery(null, SelectionPredicate.everything(),
                WatchQuery.Start.AFTER_REVISION, 11, false, false, 100)))
                .isInstanceOf(TooOldResourceVersionException.class)
                .hasMessage("too old resource version: 11 (12)");
    }

    @Test
    void aWatchFromTheOldestServableRevisionStillWorks() throws Exception {
        for (int i = 11; i <= 16; i++) {
            apply(ChangeType.ADDED, pod("a", "p" + i, i, Map.of(), "Pending"));
        }
        Subscription s = cache.watch(new WatchQuery(null, SelectionPredicate.everything(),
                WatchQuery.Start.AFTER_REVISION, 12, false, false, 100));
        assertThat(drain(s)).hasSize(4);
    }

    @Test
    void objectsEnteringAndLeavingASelectorAreAddedAndDeleted() throws Exception {
        apply(ChangeType.ADDED, pod("a", "p1", 11, Map.of("app", "web"), "Pending"));
        Subscription s = cache.watch(new WatchQuery(null, labels("tier=front"), WatchQuery.Start.NOW, 0, false, false, 100));
        apply(ChangeType.MODIFIED, pod("a", "p1", 12, Map.of("app", "web", "tier", "front"), "Pending"));
        apply(ChangeType.MODIFIED, pod("a", "p1", 13, Map.of("app", "web", "tier", "front"), "Running"));
        apply(ChangeType.MODIFIED, pod("a", "p1", 14, Map.of("app", "web"), "Running"));
        apply(ChangeType.MODIFIED, pod("a", "p1", 15, Map.of("app", "web"), "Succeeded"));
        List<WatchEvent> events = drain(s);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Added", "Modified", "Deleted");
        WatchEvent.Deleted left = (WatchEvent.Deleted) events.get(2);
        assertThat(left.object().revision()).isEqualTo(14);
        assertThat(new String(left.object().json(), StandardCharsets.UTF_8))
                .contains("\"resourceVersion\":\"14\"").contains("\"phase\":\"Running\"");
    }

    @Test
    void fieldSelectorsFilterOnIndexedFields() throws Exception {
        Subscription s = cache.watch(new WatchQuery("a", new SelectionPredicate(LabelSelector.everything(),
                FieldSelector.parse("status.phase=Running")), WatchQuery.Start.NOW, 0, false, false, 100));
        apply(ChangeType.ADDED, pod("a", "p1", 11, Map.of(), "Pending"));
        apply(ChangeType.ADDED, pod("b", "p2", 12, Map.of(), "Running"));
        apply(ChangeType.MODIFIED, pod("a", "p1", 13, Map.of(), "Running"));
        assertThat(drain(s)).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(WatchEvent.Added.class);
            assertThat(((WatchEvent.Added) e).object().revision()).isEqualTo(13);
        });
    }

    @Test
    void initialStateIsSyntheticAddedInKeyOrderThenTheEndBookmark() throws Exception {
        apply(ChangeType.ADDED, pod("b", "z", 11, Map.of(), "Pending"));
        apply(ChangeType.ADDED, pod("a", "y", 12, Map.of(), "Pending"));
        Subscription s = cache.watch(new WatchQuery(null, SelectionPredicate.everything(),
                WatchQuery.Start.INITIAL_STATE, 0, true, true, 100));
        List<WatchEvent> events = drain(s);
        assertThat(events).hasSize(3);
        assertThat(((WatchEvent.Added) events.get(0)).object().key()).isEqualTo("a/y");
        assertThat(((WatchEvent.Added) events.get(1)).object().key()).isEqualTo("b/z");
        assertThat(events.get(2)).isEqualTo(new WatchEvent.Bookmark(12, true));
    }

    @Test
    void onlyLiveEventsCarryTheirCommitTime() throws Exception {
        apply(ChangeType.ADDED, pod("a", "p1", 11, Map.of(), "Pending"));
        apply(ChangeType.ADDED, pod("a", "p2", 12, Map.of(), "Pending"));
        Subscription s = cache.watch(new WatchQuery(null, SelectionPredicate.everything(),
                WatchQuery.Start.AFTER_REVISION, 11, false, true, 100));
        global = 13;
        cache.apply(ChangeType.ADDED, pod("a", "p3", 13, Map.of(), "Pending"), 42);
        s.requestBookmark();
        assertThat(s.poll()).isInstanceOf(WatchEvent.Added.class);
        assertThat(s.polledCommittedAt()).as("replayed p2").isEqualTo(Subscription.NOT_LIVE);
        assertThat(s.poll()).isInstanceOf(WatchEvent.Added.class);
        assertThat(s.polledCommittedAt()).as("live p3").isEqualTo(42);
        assertThat(s.poll()).isInstanceOf(WatchEvent.Bookmark.class);
        assertThat(s.polledCommittedAt()).isEqualTo(Subscription.NOT_LIVE);
        assertThat(s.poll()).isNull();
        assertThat(s.polledCommittedAt()).isEqualTo(Subscription.NOT_LIVE);

        Subscription initial = cache.watch(new WatchQuery(null, SelectionPredicate.everything(),
                WatchQuery.Start.INITIAL_STATE, 0, false, false, 100));
        assertThat(drainCommitTimes(initial)).as("synthetic ADDED of p1, p2, p3").containsExactly(0L, 0L, 0L);
    }

    private static List<Long> drainCommitTimes(Subscription s) {
        List<Long> out = new ArrayList<>();
        for (WatchEvent e = s.poll(); e != null; e = s.poll()) {
            out.add(s.polledCommittedAt());
        }
        return out;
    }

    @Test
    void aSlowWatcherIsCutWhenItsQueueIsFull() throws Exception {
        Subscription slow = cache.watch(new WatchQuery(null, SelectionPredicate.everything(), WatchQuery.Start.NOW, 0,
                false, false, 2));
        Subscription fast = cache.watch(new WatchQuery(null, SelectionPredicate.everything(), WatchQuery.Start.NOW, 0,
                false, false, 100));
        for (int i = 11; i <= 14; i++) {
            apply(ChangeType.ADDED, pod("a", "p" + i, i, Map.of(), "Pending"));
        }
        assertThat(slow.closeReason()).isEqualTo(Subscription.CloseReason.OVERFLOW);
        assertThat(slow.poll()).isNull();
        assertThat(drain(fast)).hasSize(4);
    }

    @Test
    void listsAtAnOlderRevisionSeeTheStateOfThatRevision() throws Exception {
        apply(ChangeType.ADDED, pod("a", "p1", 11, Map.of(), "Pending"));
        apply(ChangeType.ADDED, pod("a", "p2", 12, Map.of(), "Pending"));
        apply(ChangeType.MODIFIED, pod("a", "p1", 13, Map.of(), "Running"));
        apply(ChangeType.DELETED, pod("a", "p2", 14, Map.of(), "Pending"));
        apply(ChangeType.ADDED, pod("a", "p3", 15, Map.of(), "Pending"));
        ListResult at12 = cache.list(new ListQuery("a", SelectionPredicate.everything(), 12, null, 0, false));
        assertThat(at12.items()).extracting(CachedObject::name, CachedObject::revision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", 11L), org.assertj.core.groups.Tuple.tuple("p2", 12L));
        ListResult latest = cache.list(new ListQuery("a", SelectionPredicate.everything(), 0, null, 0, false));
        assertThat(latest.items()).extracting(CachedObject::name).containsExactly("p1", "p3");
        assertThat(latest.revision()).isEqualTo(15);
    }

    @Test
    void pagesContinueFromTheStartKeyAndCountTheRemainder() throws Exception {
        for (int i = 11; i <= 13; i++) {
            apply(ChangeType.ADDED, pod("a", "p" + i, i, Map.of(), "Pending"));
        }
        ListResult first = cache.list(new ListQuery(null, SelectionPredicate.everything(), 0, null, 2, true));
        assertThat(first.items()).extracting(CachedObject::name).containsExactly("p11", "p12");
        assertThat(first.nextStartKey()).isEqualTo("a/p12\u0000");
        assertThat(first.remaining()).isEqualTo(1);
        ListResult second = cache.list(new ListQuery(null, SelectionPredicate.everything(), first.revision(),
                first.nextStartKey(), 2, true));
        assertThat(second.items()).extracting(CachedObject::name).containsExactly("p13");
        assertThat(second.nextStartKey()).isNull();
    }
}
