package io.kubesim.storage.jdbc;

import io.kubesim.storage.ChangeType;
import io.kubesim.storage.CommittedChange;
import io.kubesim.storage.StoredObject;
import io.kubesim.storage.WriteRequest;
import io.kubesim.storage.WriteRequest.Operation;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One database transaction for a batch of accepted writes: bump the counter by the batch size
 * (the row lock serialises writers across processes), append the log rows, apply the object rows
 * with compare-and-swap on the revision, commit.
 */
final class BatchTransaction {

    /** A compare-and-swap on a row failed: another writer got there first. */
    static final class RowConflict extends Exception {
        RowConflict(String message) {
            super(message, null, false, false);
        }
    }

    private BatchTransaction() {
    }

    static List<CommittedChange> run(DataSource dataSource, List<GroupCommitWriter.Accepted> batch, long nowMillis)
            throws SQLException, RowConflict {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<CommittedChange> changes = write(c, batch, nowMillis);
                c.commit();
                return changes;
            } catch (SQLException | RowConflict | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        }
    }

    /** Rolls back; a rollback that fails too (a database that closed itself) is kept beside the cause, not over it. */
    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static List<CommittedChange> write(Connection c, List<GroupCommitWriter.Accepted> batch, long now)
            throws SQLException, RowConflict {
        long last = allocate(c, batch.size());
        long first = last - batch.size() + 1;
        List<CommittedChange> changes = new ArrayList<>(batch.size());
        try (PreparedStatement log = c.prepareStatement(Sql.INSERT_REVISION);
             PreparedStatement insert = c.prepareStatement(Sql.INSERT_OBJECT);
             PreparedStatement update = c.prepareStatement(Sql.UPDATE_OBJECT);
             PreparedStatement delete = c.prepareStatement(Sql.DELETE_OBJECT)) {
            int inserts = 0;
            for (int i = 0; i < batch.size(); i++) {
                GroupCommitWriter.Accepted a = batch.get(i);
                WriteRequest r = a.request();
                long revision = first + i;
                byte[] body = r.body().render(revision);
                ChangeType type = switch (r.operation()) {
                    case CREATE -> ChangeType.ADDED;
                    case UPDATE -> ChangeType.MODIFIED;
                    case DELETE -> ChangeType.DELETED;
                };
                addLogRow(log, r, revision, type, body, a.previousRevision(), now);
                switch (r.operation()) {
                    case CREATE -> {
                        bind(insert, r.resource(), r.namespace(), r.name(), r.uid(), revision, body);
                        insert.addBatch();
                        inserts++;
                    }
                    case UPDATE -> {
                        update.setString(1, r.uid());
                        update.setLong(2, revision);
                        update.setBytes(3, body);
                        update.setString(4, r.resource());
                        update.setString(5, r.namespace());
                        update.setString(6, r.name());
                        update.setLong(7, r.expectedRevision());
                        update.addBatch();
                    }
                    case DELETE -> {
                        delete.setString(1, r.resource());
                        delete.setString(2, r.namespace());
                        delete.setString(3, r.name());
                        delete.setLong(4, r.expectedRevision());
                        delete.addBatch();
                    }
                }
                StoredObject object = new StoredObject(r.resource(), r.namespace(), r.name(), r.uid(), revision, body);
                changes.add(new CommittedChange(revision, type, object, r.attachment()));
            }
            log.executeBatch();
            if (inserts > 0) {
                insert.executeBatch();
            }
            checkCounts(update.executeBatch(), "update");
            checkCounts(delete.executeBatch(), "delete");
        }
        return changes;
    }

    private static void addLogRow(PreparedStatement log, WriteRequest r, long revision, ChangeType type, byte[] body,
                                  long previous, long now) throws SQLException {
        log.setLong(1, revision);
        log.setString(2, r.resource());
        log.setString(3, r.namespace());
        log.setString(4, r.name());
        log.setString(5, type.name());
        log.setBytes(6, body);
        log.setLong(7, Math.max(previous, 0));
        log.setLong(8, now);
        log.addBatch();
    }

    private static void bind(PreparedStatement ps, String resource, String namespace, String name, String uid,
                             long revision, byte[] body) throws SQLException {
        ps.setString(1, resource);
        ps.setString(2, namespace);
        ps.setString(3, name);
        ps.setString(4, uid);
        ps.setLong(5, revision);
        ps.setBytes(6, body);
    }

    private static void checkCounts(int[] counts, String what) throws RowConflict {
        for (int n : counts) {
            if (n == 0) {
                throw new RowConflict("compare-and-swap " + what + " matched no row");
            }
        }
    }

    private static long allocate(Connection c, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.BUMP_COUNTER)) {
            ps.setLong(1, n);
            ps.executeUpdate();
        }
        return JdbcObjectStore.readCounter(c)[0];
    }

    /** The revision stored for the request's key (0 when absent); used after a lost compare-and-swap. */
    static long readRevision(DataSource dataSource, WriteRequest r) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.SELECT_REVISION)) {
            ps.setString(1, r.resource());
            ps.setString(2, r.namespace());
            ps.setString(3, r.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return 0;
        }
    }
}
