package io.kubesim.e2e;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.kubesim.support.ApiTestBase;
import io.kubesim.support.Http;
import io.kubesim.support.PrometheusText;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /metrics} read as a Prometheus scraper reads it, after traffic from fabric8 and raw HTTP: the apiserver's
 * request counter and latency histogram with its labels, registered watchers, stored object counts, kubesim's pod
 * and node gauges and the controllers' queue depth and reconcile latency.
 */
@TestPropertySource(properties = {"kubesim.events.ttl=2s", "kubesim.controllers.enabled=true"})
class MetricsEndToEndTest extends ApiTestBase {

    private static Map<String, String> request(String verb, String group, String version, String resource,
                                               String subresource, String scope, String dryRun) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("verb", verb);
        m.put("group", group);
        m.put("version", version);
        m.put("resource", resource);
        m.put("subresource", subresource);
        m.put("scope", scope);
        m.put("component", "apiserver");
        m.put("dry_run", dryRun);
        return m;
    }

    private static Map<String, String> pods(String verb, String scope) {
        return request(verb, "", "v1", "pods", "", scope, "");
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(labels);
        m.put(key, value);
        return m;
    }

    private PrometheusText scrape() {
        Http.Response r = http.get("/metrics");
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain").contains("version=0.0.4");
        return PrometheusText.parse(r.body());
    }

    private static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).addToLabels("app", "metrics").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec().build();
    }

    @Test
    void requestCountsAndLatenciesCarryTheApiserversLabels() {
        client.pods().resource(pod("a")).create();
        client.pods().withLabel("app", "metrics").list();
        client.pods().withName("a").get();
        client.pods().withName("a").edit(p -> new PodBuilder(p).editMetadata().addToLabels("x", "y").endMetadata().build());
        client.pods().withName("missing").get();
        http.post("/api/v1/namespaces/" + namespace + "/pods?dryRun=All",
                "{\"metadata\":{\"name\":\"dry\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}");
        http.get("/api/v1/pods");
        http.get("/version");
        client.pods().withName("a").delete();
        http.delete("/api/v1/namespaces/" + namespace + "/configmaps");

        PrometheusText m = scrape();
        assertThat(m.type("apiserver_request_total")).contains("counter");
        assertThat(m.type("apiserver_request_duration_seconds")).contains("histogram");
        String total = "apiserver_request_total";
        assertThat(m.value(total, with(pods("POST", "resource"), "code", "201"))).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
        assertThat(m.value(total, with(pods("LIST", "namespace"), "code", "200"))).isPresent();
        assertThat(m.value(total, with(pods("LIST", "cluster"), "code", "200"))).isPresent();
        assertThat(m.value(total, with(pods("GET", "resource"), "code", "200"))).isPresent();
        assertThat(m.value(total, with(pods("GET", "resource"), "code", "404"))).isPresent();
        assertThat(m.value(total, with(pods("PATCH", "resource"), "code", "200"))).isPresent();
        assertThat(m.value(total, with(pods("DELETE", "resource"), "code", "200"))).isPresent();
        assertThat(m.value(total, with(request("POST", "", "v1", "pods", "", "resource", "All"), "code", "201"))).isPresent();
        assertThat(m.value(total, with(request("DELETECOLLECTION", "", "v1", "configmaps", "", "namespace", ""), "code", "200")))
                .isPresent();
        assertThat(m.value(total, with(request("GET", "", "", "", "", "", ""), "code", "200")))
                .as("non-resource requests such as /version").isPresent();

        Map<String, String> list = pods("LIST", "namespace");
        assertThat(m.value("apiserver_request_duration_seconds_bucket", with(list, "le", "0.005"))).isPresent();
        assertThat(m.value("apiserver_request_duration_seconds_bucket", with(list, "le", "60.0"))).isPresent();
        assertThat(m.value("apiserver_request_duration_seconds_bucket", with(list, "le", "+Inf")))
                .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
        assertThat(m.value("apiserver_request_duration_seconds_count", list)).isPresent();
        assertThat(m.value("apiserver_request_duration_seconds_sum", list)).isPresent();
    }

    @Test
    void registeredWatchersCountOpenWatchesByKind() {
        Map<String, String> leases = Map.of("group", "coordination.k8s.io", "version", "v1", "kind", "Lease");
        Watcher<Lease> ignore = new Watcher<>() {
            @Override
            public void eventReceived(Action action, Lease resource) {
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        };
        try (Watch w = client.leases().watch(ignore)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(scrape().value("apiserver_registered_watchers", leases)).contains(1.0));
            assertThat(scrape().value("apiserver_request_total",
                    with(request("WATCH", "coordination.k8s.io", "v1", "leases", "", "namespace", ""), "code", "101")))
                    .as("fabric8 opens its watches as WebSockets").isPresent();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(scrape().value("apiserver_registered_watchers", leases)).contains(0.0));
        assertThat(scrape().type("apiserver_registered_watchers")).contains("gauge");
    }

    @Test
    void watchDeliveryIsObservedPerWatcherForLiveChangesOnly() throws Exception {
        Map<String, String> secrets = Map.of("group", "", "resource", "secrets");
        String count = "kubesim_watch_event_delivery_seconds_count";
        double before = scrape().value(count, secrets).orElse(0.0);
        client.secrets().resource(secret("old")).create();
        // both watches start without a resourceVersion, so each first gets "old" as an initial ADDED event
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        Watcher<Secret> names = new Watcher<>() {
            @Override
            public void eventReceived(Action action, Secret t) {
                seen.add(action + " " + t.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        };
        HttpClient raw = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = raw.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/namespaces/"
                + namespace + "/secrets?watch=true&timeoutSeconds=30")).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (Watch w = client.secrets().watch(names);
             BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).startsWith("{\"type\":\"ADDED\"").contains("\"name\":\"old\"");
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("ADDED old");
            client.secrets().resource(secret("new")).create();
            assertThat(lines.readLine()).startsWith("{\"type\":\"ADDED\"").contains("\"name\":\"new\"");
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("ADDED new");
            // one live change, two watchers: two observations; the initial events are not observed
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(scrape().value(count, secrets)).contains(before + 2));
            PrometheusText m = scrape();
            assertThat(m.type("kubesim_watch_event_delivery_seconds")).contains("histogram");
            assertThat(m.value("kubesim_watch_event_delivery_seconds_bucket", with(secrets, "le", "+Inf")))
                    .contains(before + 2);
            assertThat(m.value("kubesim_watch_event_delivery_seconds_bucket", with(secrets, "le", "0.01"))).isPresent();
            assertThat(m.value("kubesim_watch_event_delivery_seconds_sum", secrets))
                    .hasValueSatisfying(v -> assertThat(v).isPositive());
        }
    }

    private static Secret secret(String name) {
        return new SecretBuilder().withNewMetadata().withName(name).endMetadata().addToStringData("k", "v").build();
    }

    @Test
    void storedObjectsAndPodPhasesAreCountedFromTheServersState() {
        client.pods().resource(pod("p1")).create();
        client.pods().resource(pod("p2")).create();
        PrometheusText m = scrape();
        int allPods = client.pods().inAnyNamespace().list().getItems().size();
        assertThat(m.value("apiserver_storage_objects", Map.of("resource", "pods"))).contains((double) allPods);
        assertThat(m.value("apiserver_storage_objects", Map.of("resource", "deployments.apps"))).isPresent();
        assertThat(m.value("apiserver_storage_objects", Map.of("resource", "leases.coordination.k8s.io"))).isPresent();
        assertThat(m.value("apiserver_storage_objects", Map.of("resource", "namespaces")))
                .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(5));
        int pending = client.pods().inAnyNamespace().withField("status.phase", "Pending").list().getItems().size();
        assertThat(m.value("kubesim_pods", Map.of("phase", "Pending"))).contains((double) pending);
        assertThat(pending).isGreaterThanOrEqualTo(2);
        for (String phase : new String[] {"Running", "Succeeded", "Failed", "Unknown"}) {
            assertThat(m.value("kubesim_pods", Map.of("phase", phase))).isPresent();
        }
        assertThat(m.value("kubesim_simulated_nodes", Map.of("ready", "True")))
                .as("no simulated kubelets when kubesim.simulation.enabled=false").contains(0.0);
    }

    @Test
    void controllersReportQueueDepthAndReconcileLatency() {
        client.pods().resource(pod("gc")).create();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusText m = scrape();
            assertThat(m.find("kubesim_controller_queue_depth", Map.of())).isNotEmpty();
            assertThat(m.type("kubesim_controller_reconcile_seconds")).contains("histogram");
            assertThat(m.find("kubesim_controller_reconcile_seconds_count", Map.of()))
                    .anySatisfy(s -> assertThat(s.value()).isPositive());
            assertThat(m.find("kubesim_controller_reconcile_seconds_bucket", Map.of("le", "0.01"))).isNotEmpty();
        });
    }

    @Test
    void openMetricsIsServedWhenAsked() {
        Http.Response r = http.get("/metrics", Map.of("Accept", "application/openmetrics-text; version=1.0.0"));
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/openmetrics-text");
        assertThat(r.body()).contains("# TYPE apiserver_request counter").endsWith("# EOF\n");
    }
}
