package io.kubesim.storage;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** The store contract on an H2 file database (the default). */
class H2ObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path dir;

    @Override
    DataSource newDatabase() {
        return new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0", "sa", "");
    }
}
