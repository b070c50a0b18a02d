package io.kubesim.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * API behaviour settings ({@code kubesim.api.*}).
 *
 * @param maxBodyBytes         largest accepted request body (the apiserver's 3 MiB)
 * @param futureRevisionWait   how long a list waits for a resourceVersion the server has not reached
 * @param minRequestTimeout    watches without timeoutSeconds last a random time in [this, twice this)
 * @param maxWatchTimeout      caps every watch's duration (0 = no cap): a way to exercise clients' re-watch logic
 * @param serviceClusterIpRange the CIDR Service ClusterIPs are allocated from
 */
@ConfigurationProperties("kubesim.api")
public record RegistryProperties(@DefaultValue("3145728") int maxBodyBytes,
                                 @DefaultValue("3s") Duration futureRevisionWait,
                                 @DefaultValue("1800s") Duration minRequestTimeout,
                                 @DefaultValue("0s") Duration maxWatchTimeout,
                                 @DefaultValue("10.96.0.0/12") String serviceClusterIpRange) {
}
