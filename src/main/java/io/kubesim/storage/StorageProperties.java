package io.kubesim.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Storage settings ({@code kubesim.storage.*}).
 *
 * @param maxBatch          most writes committed in one transaction
 * @param queueCapacity     writes waiting for the writer before callers block
 * @param retainRevisions   revision-log rows always kept behind the head
 * @param retainDuration    revision-log rows younger than this are kept
 * @param compactionInterval how often the revision log is compacted
 */
@ConfigurationProperties("kubesim.storage")
public record StorageProperties(@DefaultValue("512") int maxBatch,
                                @DefaultValue("65536") int queueCapacity,
                                @DefaultValue("10000") long retainRevisions,
                                @DefaultValue("5m") Duration retainDuration,
                                @DefaultValue("1m") Duration compactionInterval) {
}
