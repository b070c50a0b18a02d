package io.kubesim.storage;

import io.kubesim.support.RequiresPostgres;
import io.kubesim.support.TestPostgres;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

/** The store contract on PostgreSQL. */
@RequiresPostgres
class PostgresObjectStoreTest extends ObjectStoreContract {

    @Override
    DataSource newDatabase() {
        return new DriverManagerDataSource(TestPostgres.freshDatabase(), TestPostgres.user(), TestPostgres.password());
    }
}
