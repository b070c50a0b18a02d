package io.kubesim.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kubesim.storage.RevisionedBody;
import io.kubesim.storage.StorageException;
import io.kubesim.storage.StorageProperties;
import io.kubesim.storage.StoredObject;
import io.kubesim.storage.WriteRequest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without the override, the first test times out: the writer keeps getting the pool's closed connections. */
class ClosedDatabaseEvictionTest {

    @TempDir
    Path dir;

    private static RevisionedBody body(String name) {
        return rv -> ("{\"metadata\":{\"name\":\"" + name + "\",\"resourceVersion\":\"" + rv + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setExceptionOverrideClassName(ClosedDatabaseEviction.class.getName());
        return new HikariDataSource(config);
    }

    /** What H2 does when it cannot write its file: the database closes under every open connection. */
    private static void closeTheDatabase(HikariDataSource pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException expected) {
            // the statement closes its own connection's database too
        }
    }

    private static boolean writes(JdbcObjectStore store, String name) {
        try {
            store.write(WriteRequest.create("configmaps", "ns", name, "u-" + name, body(name), null));
            return true;
        } catch (StorageException e) {
            return false;
        }
    }

    @Test
    void writesWorkAgainAfterTheDatabaseClosedItselfAndNothingCommittedIsLost() {
        try (HikariDataSource pool = pool()) {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration/h2").load().migrate();
            JdbcObjectStore store = new JdbcObjectStore(pool, new StorageProperties(64, 1024, 100,
                    Duration.ofMinutes(5), Duration.ofMinutes(1)), Clock.systemUTC());
            try {
                assertThat(writes(store, "before")).isTrue();
                closeTheDatabase(pool);

                await().atMost(Duration.ofSeconds(20)).until(() -> writes(store, "after"));

                List<StoredObject> stored = new ArrayList<>();
                store.loadAll(stored::add);
                assertThat(stored).extracting(StoredObject::name).containsExactlyInAnyOrder("before", "after");
            } finally {
                store.close();
            }
        }
    }

    @Test
    void onlyAClosedDatabaseIsEvicted() {
        ClosedDatabaseEviction override = new ClosedDatabaseEviction();
        assertThat(override.adjudicate(new SQLException("closed", "90098", 90098)))
                .isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(override.adjudicate(new SQLException("shut down", "90121", 90121)))
                .isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(override.adjudicate(new SQLException("duplicate", "23505", 23505)))
                .isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.CONTINUE_EVICT);
    }
}
