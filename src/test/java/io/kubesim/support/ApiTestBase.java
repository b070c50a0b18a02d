package io.kubesim.support;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Locale;
import java.util.UUID;

/**
 * Starts kubesim on a random port with a durable H2 file database (one per Spring context, in a temp folder)
 * and gives every test a fresh namespace and clients. A bare API server: no simulated cluster and no workload
 * controllers (so statuses written by tests stay as written). Subclasses that use PostgreSQL override the
 * datasource with {@link TestPostgres#register}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "kubesim.watch.bookmark-interval=1s",
        "kubesim.simulation.enabled=false",
        "kubesim.controllers.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/kubesim-tests/${random.uuid}/kubesim;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
        "spring.datasource.username=sa",
        "spring.datasource.password="
})
public abstract class ApiTestBase {

    @LocalServerPort
    protected int port;

    protected String namespace;
    protected KubernetesClient client;
    protected Http http;

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @BeforeEach
    void createNamespace(TestInfo info) {
        String method = info.getTestMethod().map(m -> m.getName()).orElse("t").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
        namespace = (method.length() > 40 ? method.substring(0, 40) : method) + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        client = newClient();
        http = new Http(baseUrl());
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .create();
    }

    protected KubernetesClient newClient() {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(baseUrl())
                .withNamespace(namespace)
                .withRequestRetryBackoffLimit(0)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }
}
