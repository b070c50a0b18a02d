package io.kubesim.controllers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code kubesim.controllers.*}: the workload controllers' switches and tunables (upstream
 * {@code --concurrent-replicaset-syncs}, {@code --concurrent-deployment-syncs}, burst replicas and resync).
 *
 * @param enabled            whether the ReplicaSet, ReplicationController and Deployment controllers run
 * @param replicaSetWorkers  workers per replica controller kind
 * @param deploymentWorkers  Deployment controller workers
 * @param burstReplicas      at most this many pod creations or deletions per ReplicaSet sync
 * @param resync            how often every object is synced again without an event
 */
@ConfigurationProperties("kubesim.controllers")
public record WorkloadControllersProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3") int replicaSetWorkers,
        @DefaultValue("3") int deploymentWorkers,
        @DefaultValue("500") int burstReplicas,
        @DefaultValue("30s") Duration resync) {
}
