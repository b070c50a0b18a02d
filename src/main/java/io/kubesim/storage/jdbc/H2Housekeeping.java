package io.kubesim.storage.jdbc;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The MVStore housekeeping H2 skips with {@code WRITE_DELAY=0}. That setting makes every commit write its chunk at
 * once (an acknowledged write is in the file), but it also turns off H2's background writer, the only thing that
 * rewrites the few live pages out of old, mostly dead chunks. Without it every commit's chunk stays (5,000 idle nodes
 * renewing leases left 167,000 chunks after 8 minutes), and each commit rewrites the ever longer chunk list in the
 * store's layout map. This does the background writer's compaction on a timer.
 */
final class H2Housekeeping implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);
    /** Chunks less full than this are rewritten (H2's own default for its background compaction). */
    private static final int TARGET_FILL_RATE = 90;
    /** At most this many bytes rewritten per round, so a round never holds the store lock for long. */
    private static final int WRITE_LIMIT = 4 << 20;

    private final DataSource dataSource;
    private final ScheduledExecutorService timer;

    private H2Housekeeping(DataSource dataSource, Duration period) {
        this.dataSource = dataSource;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kubesim-h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::compact, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts housekeeping when {@code dataSource} is an embedded H2 file database; otherwise nothing. */
    static Optional<H2Housekeeping> startIfH2File(DataSource dataSource, Duration period) {
        try (Connection c = dataSource.getConnection()) {
            MVStore store = store(c);
            if (store == null || store.getFileStore() == null || store.getAutoCommitDelay() > 0) {
                return Optional.empty();
            }
            return Optional.of(new H2Housekeeping(dataSource, period));
        } catch (SQLException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static MVStore store(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)
                || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        var store = session.getDatabase().getStore();
        return store == null ? null : store.getMvStore();
    }

    /** One round: rewrites live pages out of sparse chunks, which H2 then drops once they are unused. */
    void compact() {
        try (Connection c = dataSource.getConnection()) {
            MVStore store = store(c);
            if (store != null && !store.isClosed()) {
                store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("H2 housekeeping round failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
