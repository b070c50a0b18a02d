package io.kubesim.storage.jdbc;

/** The statements of the two-table layout (plus the counter row); valid on H2 (PostgreSQL mode) and PostgreSQL. */
final class Sql {

    static final String BUMP_COUNTER = "UPDATE kubesim_counter SET revision = revision + ? WHERE id = 1";
    static final String READ_COUNTER = "SELECT revision, compacted_revision FROM kubesim_counter WHERE id = 1";
    static final String INSERT_REVISION = "INSERT INTO revisions (revision, resource, namespace, name, type, body,"
            + " prev_revision, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_OBJECT = "INSERT INTO objects (resource, namespace, name, uid, revision, body)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    static final String UPDATE_OBJECT = "UPDATE objects SET uid = ?, revision = ?, body = ?"
            + " WHERE resource = ? AND namespace = ? AND name = ? AND revision = ?";
    static final String DELETE_OBJECT = "DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ? AND revision = ?";
    static final String SELECT_REVISION = "SELECT revision FROM objects WHERE resource = ? AND namespace = ? AND name = ?";
    static final String SELECT_KEYS = "SELECT resource, namespace, name, revision FROM objects";
    static final String SELECT_ALL = "SELECT resource, namespace, name, uid, revision, body FROM objects";
    static final String COMPACT = "DELETE FROM revisions WHERE revision <= ?";
    static final String SET_COMPACTED = "UPDATE kubesim_counter SET compacted_revision = ? WHERE id = 1 AND compacted_revision < ?";
    static final String COMPACTION_TARGET = "SELECT MAX(revision) FROM revisions WHERE revision <= ? AND created_at < ?";

    private Sql() {
    }
}
