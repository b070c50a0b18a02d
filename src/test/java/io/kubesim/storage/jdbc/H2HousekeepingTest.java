package io.kubesim.storage.jdbc;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** With WRITE_DELAY=0 H2 never compacts by itself; {@link H2Housekeeping} keeps the chunks full. */
class H2HousekeepingTest {

    @TempDir
    Path dir;

    @Test
    void compactionRewritesSparseChunksThatWriteDelayZeroLeavesBehind() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0",
                "sa", "");
        try (Connection c = pool.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR)");
            }
            // dead chunks are dropped at once instead of after H2's 45 s retention, so that the test sees the result
            store(c).setRetentionTime(0);
            for (int i = 0; i < 300; i++) {
                update(c, "INSERT INTO t VALUES (?, ?)", i, "x".repeat(200));
            }
            for (int i = 0; i < 1_500; i++) {
                update(c, "UPDATE t SET v = ? WHERE id = ?", "y".repeat(200) + i, i % 3);
            }
            MVStore store = store(c);
            int before = store.getFileStore().getChunksFillRate();

            Optional<H2Housekeeping> housekeeping = H2Housekeeping.startIfH2File(pool, Duration.ofHours(1));
            assertThat(housekeeping).isPresent();
            for (int round = 0; round < 20; round++) {
                housekeeping.get().compact();
                update(c, "UPDATE t SET v = ? WHERE id = ?", "z" + round, 1);
            }
            housekeeping.get().close();
            int after = store.getFileStore().getChunksFillRate();

            assertThat(after).as("fill rate before %d, after %d", before, after).isGreaterThan(before + 20);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(v) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(300);
            }
        } finally {
            pool.dispose();
        }
    }

    @Test
    void notStartedForInMemoryOrDelayedWriteDatabases() {
        JdbcConnectionPool memory = JdbcConnectionPool.create("jdbc:h2:mem:hk", "sa", "");
        JdbcConnectionPool delayed = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("delayed"), "sa", "");
        try {
            assertThat(H2Housekeeping.startIfH2File(memory, Duration.ofHours(1))).isEmpty();
            assertThat(H2Housekeeping.startIfH2File(delayed, Duration.ofHours(1))).isEmpty();
        } finally {
            memory.dispose();
            delayed.dispose();
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static MVStore store(Connection c) throws SQLException {
        return ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
    }
}
