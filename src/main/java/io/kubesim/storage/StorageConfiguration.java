package io.kubesim.storage;

import io.kubesim.storage.jdbc.JdbcObjectStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;
import java.time.Clock;

/** The store on the configured DataSource (H2 file by default, PostgreSQL by {@code spring.datasource.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageConfiguration {

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    JdbcObjectStore objectStore(DataSource dataSource, StorageProperties properties, Clock clock) {
        return new JdbcObjectStore(dataSource, properties, clock);
    }

    @Bean
    RevisionLogCompactor revisionLogCompactor(JdbcObjectStore store, StorageProperties properties) {
        return new RevisionLogCompactor(store, properties);
    }

    /** Compacts the revision log behind the retained window (count and age). */
    public static final class RevisionLogCompactor {
        private final JdbcObjectStore store;
        private final StorageProperties properties;

        RevisionLogCompactor(JdbcObjectStore store, StorageProperties properties) {
            this.store = store;
            this.properties = properties;
        }

        @Scheduled(fixedDelayString = "${kubesim.storage.compaction-interval:1m}",
                initialDelayString = "${kubesim.storage.compaction-interval:1m}")
        public void compact() {
            long floor = store.currentRevision() - properties.retainRevisions();
            if (floor <= 0) {
                return;
            }
            long target = store.compactionTarget(floor, store.nowMillis() - properties.retainDuration().toMillis());
            if (target > store.compactedRevision()) {
                store.compact(target);
            }
        }
    }
}
