package io.kubesim.storage;

import io.kubesim.storage.jdbc.JdbcObjectStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's contract, run against each database by a subclass. */
abstract class ObjectStoreContract {

    private DataSource dataSource;
    private JdbcObjectStore store;
    private final List<CommittedChange> published = new CopyOnWriteArrayList<>();

    /** A fresh, empty database for one test. */
    abstract DataSource newDatabase();

    @BeforeEach
    void open() {
        dataSource = newDatabase();
        String vendor = dataSource instanceof DriverManagerDataSource d && d.getUrl().startsWith("jdbc:h2") ? "h2" : "postgresql";
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor).load().migrate();
        store = openStore();
    }

    private JdbcObjectStore openStore() {
        JdbcObjectStore s = new JdbcObjectStore(dataSource, new StorageProperties(64, 1024, 100, Duration.ofMinutes(5),
                Duration.ofMinutes(1)), Clock.systemUTC());
        s.addListener(published::addAll);
        return s;
    }

    @AfterEach
    void close() {
        store.close();
    }

    static RevisionedBody body(String name) {
        return rv -> ("{\"metadata\":{\"name\":\"" + name + "\",\"resourceVersion\":\"" + rv + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void textBodiesOfTheFirstSchemaReadBackAsTheSameBytesAfterTheMoveToBinary() throws Exception {
        DataSource old = newDatabase();
        String vendor = old instanceof DriverManagerDataSource d && d.getUrl().startsWith("jdbc:h2") ? "h2" : "postgresql";
        Flyway.configure().dataSource(old).locations("classpath:db/migration/" + vendor).target("1").load().migrate();
        String json = "{\"metadata\":{\"name\":\"caf\u00e9\"},\"data\":{\"k\":\"\u20ac \u2603 \\\"q\\\"\"}}";
        try (var c = old.getConnection(); var ps = c.prepareStatement("INSERT INTO objects (resource, namespace, name,"
                + " uid, revision, body) VALUES ('configmaps', 'ns', 'caf\u00e9', 'u1', 7, ?)")) {
            ps.setString(1, json);
            ps.executeUpdate();
        }
        Flyway.configure().dataSource(old).locations("classpath:db/migration/" + vendor).load().migrate();
        JdbcObjectStore migrated = new JdbcObjectStore(old, new StorageProperties(64, 1024, 100, Duration.ofMinutes(5),
                Duration.ofMinutes(1)), Clock.systemUTC());
        try {
            List<StoredObject> loaded = new ArrayList<>();
            migrated.loadAll(loaded::add);
            assertThat(loaded).singleElement().satisfies(o -> {
                assertThat(o.body()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
                assertThat(o.revision()).isEqualTo(7);
            });
            CommittedChange next = migrated.write(WriteRequest.update("configmaps", "ns", "caf\u00e9", "u1", 7,
                    rv -> json.getBytes(StandardCharsets.UTF_8), null));
            assertThat(next.object().body()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        } finally {
            migrated.close();
        }
    }

    @Test
    void everyWriteGetsTheNextRevisionAndIsPublishedInOrder() {
        long start = store.currentRevision();
        CommittedChange a = store.write(WriteRequest.create("pods", "ns", "a", "u1", body("a"), null));
        CommittedChange b = store.write(WriteRequest.create("configmaps", "ns", "b", "u2", body("b"), null));
        CommittedChange a2 = store.write(WriteRequest.update("pods", "ns", "a", "u1", a.revision(), body("a"), null));
        CommittedChange gone = store.write(WriteRequest.delete("pods", "ns", "a", "u1", a2.revision(), body("a"), null));
        assertThat(List.of(a.revision(), b.revision(), a2.revision(), gone.revision()))
                .containsExactly(start + 1, start + 2, start + 3, start + 4);
        assertThat(new String(a2.object().body(), StandardCharsets.UTF_8)).contains("\"resourceVersion\":\"" + (start + 3) + "\"");
        assertThat(published).extracting(CommittedChange::type)
                .containsExactly(ChangeType.ADDED, ChangeType.ADDED, ChangeType.MODIFIED, ChangeType.DELETED);
    }

    @Test
    void compareAndSwapRefusesStaleAndMissingWrites() {
        CommittedChange a = store.write(WriteRequest.create("pods", "ns", "a", "u1", body("a"), null));
        store.write(WriteRequest.update("pods", "ns", "a", "u1", a.revision(), body("a"), null));
        assertThatThrownBy(() -> store.write(WriteRequest.update("pods", "ns", "a", "u1", a.revision(), body("a"), null)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.CONFLICT));
        assertThatThrownBy(() -> store.write(WriteRequest.create("pods", "ns", "a", "u9", body("a"), null)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.ALREADY_EXISTS));
        assertThatThrownBy(() -> store.write(WriteRequest.delete("pods", "ns", "zz", "u", 5, body("zz"), null)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.NOT_FOUND));
    }

    @Test
    void concurrentWritersAreSerialisedWithoutGapsAndConflictsAreIsolated() throws Exception {
        long start = store.currentRevision();
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<Long, String> revisions = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    CommittedChange c = store.write(WriteRequest.create("pods", "ns", "p" + id + "-" + i, "u", body("p"), null));
                    revisions.put(c.revision(), c.object().name());
                    try {
                        store.write(WriteRequest.create("pods", "ns", "shared", "u", body("shared"), null));
                    } catch (StorageException e) {
                        assertThat(e.reason()).isEqualTo(StorageException.Reason.ALREADY_EXISTS);
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(revisions).hasSize(threads * each);
        List<Long> publishedRevisions = published.stream().map(CommittedChange::revision).toList();
        List<Long> sorted = new ArrayList<>(publishedRevisions);
        Collections.sort(sorted);
        assertThat(publishedRevisions).isEqualTo(sorted);
        assertThat(new HashSet<>(publishedRevisions)).hasSize(publishedRevisions.size());
        assertThat(store.currentRevision()).isEqualTo(start + threads * each + 1);
        assertThat(publishedRevisions.get(publishedRevisions.size() - 1) - publishedRevisions.get(0) + 1)
                .isEqualTo(publishedRevisions.size());
    }

    @Test
    void writeAllCommitsIndependently() {
        store.write(WriteRequest.create("pods", "ns", "taken", "u", body("taken"), null));
        List<Object> results = store.writeAll(List.of(
                WriteRequest.create("pods", "ns", "x", "u", body("x"), null),
                WriteRequest.create("pods", "ns", "taken", "u", body("taken"), null),
                WriteRequest.create("pods", "ns", "y", "u", body("y"), null)));
        assertThat(results.get(0)).isInstanceOf(CommittedChange.class);
        assertThat(results.get(1)).isInstanceOf(StorageException.class);
        assertThat(results.get(2)).isInstanceOf(CommittedChange.class);
    }

    @Test
    void aReopenedStoreLoadsEveryObjectAtItsRevision() {
        CommittedChange a = store.write(WriteRequest.create("pods", "ns", "a", "u1", body("a"), null));
        store.write(WriteRequest.create("nodes", "", "n1", "u2", body("n1"), null));
        CommittedChange a2 = store.write(WriteRequest.update("pods", "ns", "a", "u1", a.revision(), body("a"), null));
        long head = store.currentRevision();
        store.close();
        store = openStore();
        Set<String> loaded = new HashSet<>();
        long at = store.loadAll(o -> loaded.add(o.resource() + ":" + o.key() + "@" + o.revision()));
        assertThat(at).isEqualTo(head);
        assertThat(loaded).containsExactlyInAnyOrder("pods:ns/a@" + a2.revision(), "nodes:n1@" + (a.revision() + 1));
        assertThatThrownBy(() -> store.write(WriteRequest.update("pods", "ns", "a", "u1", a.revision(), body("a"), null)))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void compactionDropsLogRowsBehindTheTarget() {
        for (int i = 0; i < 10; i++) {
            store.write(WriteRequest.create("pods", "ns", "c" + i, "u", body("c"), null));
        }
        long target = store.currentRevision() - 3;
        assertThat(store.compact(target)).isGreaterThan(0);
        assertThat(store.compactedRevision()).isEqualTo(target);
    }
}
