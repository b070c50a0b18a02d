package io.kubesim.bench.servers;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.vertx5.Vertx5HttpClientFactory;

/** fabric8 {@link KubernetesClient}s configured the same way for every server. */
public final class Clients {

    private Clients() {
    }

    /**
     * A client of {@code url} over HTTP/1.1 (the JDK HTTP client), no kubeconfig, no retries (an error
     * is counted, not hidden), and enough concurrent requests for {@code concurrency} callers.
     */
    public static KubernetesClient of(String url, int concurrency) {
        return of(url, concurrency, "jdk");
    }

    /**
     * The same with fabric8's HTTP client named: {@code jdk} (the JDK's) or {@code vertx} (Vert.x 5, fabric8 8's
     * default when no other client is on the classpath, so what a harness with default dependencies uses).
     */
    public static KubernetesClient of(String url, int concurrency, String httpClient) {
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
        HttpClient.Factory factory = switch (httpClient) {
            case "jdk" -> new JdkHttpClientFactory();
            case "vertx" -> new Vertx5HttpClientFactory();
            default -> throw new IllegalArgumentException("--http-client is jdk or vertx, not " + httpClient);
        };
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(factory).build();
    }
}
