package io.kubesim.contract;

import io.kubesim.support.RequiresPostgres;
import io.kubesim.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The per-kind contract on PostgreSQL. */
@RequiresPostgres
class PostgresKindContractTest extends KindContractTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }
}
