package io.kubesim.storage.jdbc;

import com.zaxxer.hikari.SQLExceptionOverride;
import org.h2.api.ErrorCode;

import java.sql.SQLException;

/**
 * Tells the connection pool to drop a connection to an embedded H2 database that has closed itself. H2 closes its
 * database when it cannot write the file (a full disk); every pooled connection then fails with "The database has
 * been closed" for good, while a new connection opens the file again at its last commit. Without this, kubesim
 * refused every write until it was restarted, even once the disk had room again. Broken PostgreSQL connections
 * (SQLState class 08) the pool recognises by itself. Named in {@code spring.datasource.hikari.exception-override-class-name}.
 */
public final class ClosedDatabaseEviction implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED
                || e.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
