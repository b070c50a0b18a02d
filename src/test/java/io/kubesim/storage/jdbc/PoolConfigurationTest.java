package io.kubesim.storage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.kubesim.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's connection pool, as application.yml configures it. */
class PoolConfigurationTest extends ApiTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void thePoolDropsConnectionsToADatabaseThatClosedItself() {
        assertThat(dataSource).isInstanceOfSatisfying(HikariDataSource.class, pool -> assertThat(
                pool.getExceptionOverrideClassName()).isEqualTo(ClosedDatabaseEviction.class.getName()));
    }
}
