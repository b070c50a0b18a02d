package io.kubesim.storage.jdbc;

import io.kubesim.storage.ChangeListener;
import io.kubesim.storage.CommittedChange;
import io.kubesim.storage.ObjectStore;
import io.kubesim.storage.StorageException;
import io.kubesim.storage.StorageProperties;
import io.kubesim.storage.StoredObject;
import io.kubesim.storage.WriteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * {@link ObjectStore} on any JDBC database with the two-table layout. Writes are queued to one
 * {@link GroupCommitWriter}; reads of whole tables happen only at startup.
 */
public final class JdbcObjectStore implements ObjectStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcObjectStore.class);

    private final DataSource dataSource;
    private final KnownRevisions known = new KnownRevisions();
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final GroupCommitWriter writer;
    private final Clock clock;
    private final java.util.Optional<H2Housekeeping> housekeeping;

    public JdbcObjectStore(DataSource dataSource, StorageProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        long head = loadKnownRevisions();
        this.writer = new GroupCommitWriter(dataSource, known, listeners, properties, clock, head);
        writer.start();
        this.housekeeping = H2Housekeeping.startIfH2File(dataSource, java.time.Duration.ofSeconds(1));
    }

    private long loadKnownRevisions() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(Sql.SELECT_KEYS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String key = io.kubesim.storage.ObjectKey.of(rs.getString(2), rs.getString(3));
                known.put(KnownRevisions.id(rs.getString(1), key), rs.getLong(4));
            }
            return readCounter(c)[0];
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the object table: " + e.getMessage(), e);
        }
    }

    static long[] readCounter(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.READ_COUNTER); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the kubesim_counter row is missing");
            }
            return new long[]{rs.getLong(1), rs.getLong(2)};
        }
    }

    @Override
    public CommittedChange write(WriteRequest request) {
        return await(writer.submit(request));
    }

    @Override
    public List<Object> writeAll(List<WriteRequest> requests) {
        List<java.util.concurrent.CompletableFuture<CommittedChange>> futures = new ArrayList<>(requests.size());
        for (WriteRequest r : requests) {
            futures.add(writer.submit(r));
        }
        List<Object> results = new ArrayList<>(requests.size());
        for (var f : futures) {
            try {
                results.add(await(f));
            } catch (StorageException e) {
                results.add(e);
            }
        }
        return results;
    }

    private static CommittedChange await(java.util.concurrent.CompletableFuture<CommittedChange> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Reason.UNAVAILABLE, "interrupted while writing", 0, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StorageException se) {
                throw se;
            }
            throw new StorageException(StorageException.Reason.UNAVAILABLE, String.valueOf(e.getCause()), 0, e.getCause());
        }
    }

    @Override
    public long loadAll(Consumer<StoredObject> sink) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long revision = readCounter(c)[0];
            try (PreparedStatement ps = c.prepareStatement(Sql.SELECT_ALL)) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new StoredObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5), rs.getBytes(6)));
                    }
                }
            }
            c.commit();
            return revision;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load objects: " + e.getMessage(), e);
        }
    }

    @Override
    public long currentRevision() {
        return writer.headRevision();
    }

    @Override
    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public int compact(long revision) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int deleted;
            try (PreparedStatement ps = c.prepareStatement(Sql.COMPACT)) {
                ps.setLong(1, revision);
                deleted = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(Sql.SET_COMPACTED)) {
                ps.setLong(1, revision);
                ps.setLong(2, revision);
                ps.executeUpdate();
            }
            c.commit();
            return deleted;
        } catch (SQLException e) {
            log.warn("compaction to {} failed: {}", revision, e.getMessage());
            return 0;
        }
    }

    /** The newest revision that is both behind {@code floor} and older than {@code olderThanMillis}, or 0. */
    public long compactionTarget(long floor, long olderThanMillis) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(Sql.COMPACTION_TARGET)) {
            ps.setLong(1, floor);
            ps.setLong(2, olderThanMillis);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            log.warn("cannot compute the compaction target: {}", e.getMessage());
            return 0;
        }
    }

    @Override
    public long compactedRevision() {
        try (Connection c = dataSource.getConnection()) {
            return readCounter(c)[1];
        } catch (SQLException e) {
            throw new StorageException(StorageException.Reason.UNAVAILABLE, e.getMessage(), 0, e);
        }
    }

    /** Milliseconds of the store's clock (for compaction by age). */
    public long nowMillis() {
        return clock.millis();
    }

    @Override
    public void close() {
        housekeeping.ifPresent(H2Housekeeping::close);
        writer.close();
    }
}
