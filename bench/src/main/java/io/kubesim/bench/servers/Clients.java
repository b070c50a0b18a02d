package io.kubesim.bench.servers;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** fabric8 {@link KubernetesClient}s configured the same way for every server. */
public final class Clients {

    private Clients() {
    }

    /**
     * A client of {@code url} over HTTP/1.1 (the JDK HTTP client), no kubeconfig, no retries (an error
     * is counted, not hidden), and enough concurrent requests for {@code concurrency} callers.
     */
    public static KubernetesClient of(String url, int concurrency) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withHttp2Disable(true)
                .withRequestTimeout(120_000)
                .withConnectionTimeout(10_000)
                .withRequestRetryBackoffLimit(0)
                .withMaxConcurrentRequests(Math.max(64, concurrency * 2))
                .withMaxConcurrentRequestsPerHost(Math.max(64, concurrency * 2))
                .withWatchReconnectLimit(0)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
