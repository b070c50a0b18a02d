package io.kubesim.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.vertx5.Vertx5HttpClientFactory;
import io.kubesim.support.ApiTestBase;
import io.kubesim.support.Http;
import io.kubesim.support.PrometheusText;
import io.kubesim.support.WebSocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Watches over WebSocket, as kube-apiserver serves them and fabric8 opens every watch: one JSON event per text
 * message, a normal close at the deadline, and the handshake's checks answered with Status documents.
 */
class WebSocketWatchTest extends ApiTestBase {

    private ConfigMap cm(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("v", "0").build();
    }

    private String watchPath(String query) {
        return "/api/v1/namespaces/" + namespace + "/configmaps?watch=true" + query;
    }

    private Map<String, String> handshake() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Upgrade", "websocket");
        h.put("Connection", "Upgrade");
        h.put("Origin", baseUrl());
        h.put("Sec-WebSocket-Version", "13");
        h.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        return h;
    }

    private Map<String, String> handshake(String header, String value) {
        Map<String, String> h = handshake();
        if (value == null) {
            h.remove(header);
        } else {
            h.put(header, value);
        }
        return h;
    }

    @Test
    void eachEventIsOneTextMessageAndTheDeadlineClosesNormallyAfterABookmark() throws Exception {
        String from = client.configMaps().list().getMetadata().getResourceVersion();
        client.configMaps().resource(cm("a")).create();
        client.configMaps().resource(cm("b")).create();
        client.configMaps().withName("b").delete();
        WebSocketClient.Messages ws = WebSocketClient.open(port,
                watchPath("&resourceVersion=" + from + "&timeoutSeconds=2&allowWatchBookmarks=true"));

        assertThat(ws.closed.get(30, TimeUnit.SECONDS)).as("close code").isEqualTo(1000);
        List<JsonNode> events = ws.texts.stream().map(Http.JSON::readTree).toList();
        assertThat(ws.texts).allSatisfy(t -> assertThat(t).endsWith("}\n").doesNotContain("}\n{"));
        List<String> changes = events.stream().filter(e -> !e.path("type").asString().equals("BOOKMARK"))
                .map(e -> e.path("type").asString() + " " + e.path("object").path("metadata").path("name").asString())
                .toList();
        assertThat(changes).containsExactly("ADDED a", "ADDED b", "DELETED b");
        assertThat(events.get(events.size() - 1).path("type").asString()).isEqualTo("BOOKMARK");
    }

    @Test
    void aBurstLargerThanTheSendBufferArrivesWholeInOrder() throws Exception {
        String from = client.configMaps().list().getMetadata().getResourceVersion();
        String filler = "x".repeat(1_000);
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            created.add(client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("c" + i)
                    .endMetadata().addToData("v", filler).build()).create().getMetadata().getResourceVersion());
        }
        WebSocketClient.Messages ws = WebSocketClient.open(port, watchPath("&resourceVersion=" + from));
        await().atMost(Duration.ofSeconds(20)).until(() -> ws.texts.size() >= 200);
        List<String> versions = ws.texts.stream().map(Http.JSON::readTree)
                .map(e -> e.path("object").path("metadata").path("resourceVersion").asString()).toList();
        assertThat(versions).containsExactlyElementsOf(created);
        ws.socket().sendClose(1000, "").get(10, TimeUnit.SECONDS);
        assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }

    @Test
    void aHandshakeOnAKeepAliveConnectionPastItsHundredthRequestIsAccepted() throws Exception {
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 150; i++) {
            if (i == 99) {
                // Tomcat's default cap made this 100th request close its connection: "Connection: upgrade, close"
                WebSocket ws = jdk.newWebSocketBuilder().header("Origin", baseUrl())
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + watchPath("")), new WebSocket.Listener() { })
                        .get(10, TimeUnit.SECONDS);
                ws.abort();
            }
            HttpResponse<String> r = jdk.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/version")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().allValues("Connection")).doesNotContain("close");
        }
    }

    @Test
    void theOneOfferedSubprotocolIsEchoed() throws Exception {
        WebSocketClient.Messages ws = WebSocketClient.open(port, watchPath(""), "base64.binary.k8s.io");
        assertThat(ws.socket().getSubprotocol()).isEqualTo("base64.binary.k8s.io");
        client.configMaps().resource(cm("a")).create();
        await().atMost(Duration.ofSeconds(10)).until(() -> ws.texts.stream().anyMatch(t -> t.contains("\"name\":\"a\"")));
        ws.socket().sendClose(1000, "").get(10, TimeUnit.SECONDS);
        assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }

    @Test
    void fabric8WatchesOverWebSocketWithoutFallingBackToHttp() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Watcher<ConfigMap> recorder = new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                seen.add(action + " " + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        };
        try (Watch ignored = client.configMaps().watch(recorder)) {
            client.configMaps().resource(cm("a")).create();
            client.configMaps().withName("a").edit(c -> new ConfigMapBuilder(c).addToData("v", "1").build());
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 2);
        }
        assertThat(seen).containsExactly("ADDED a", "MODIFIED a");
        PrometheusText m = PrometheusText.parse(http.get("/metrics").body());
        Map<String, String> watch = new LinkedHashMap<>(Map.of("verb", "WATCH", "group", "", "version", "v1",
                "resource", "configmaps", "subresource", "", "scope", "namespace", "component", "apiserver",
                "dry_run", ""));
        watch.put("code", "101");
        assertThat(m.value("apiserver_request_total", watch)).as("watches upgraded to WebSocket").isPresent();
        watch.put("code", "503");
        assertThat(m.value("apiserver_request_total", watch)).as("refused WebSocket handshakes").isEmpty();
    }

    @Test
    void fabric8sDefaultVertxClientWatchesOverWebSocketToo() {
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(baseUrl()).withNamespace(namespace)
                .withRequestRetryBackoffLimit(0).build();
        List<String> seen = new CopyOnWriteArrayList<>();
        double upgradedBefore = upgradedWatches();
        try (KubernetesClient vertx = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientFactory(new Vertx5HttpClientFactory()).build();
             Watch ignored = vertx.configMaps().watch(new Watcher<>() {
                 @Override
                 public void eventReceived(Action action, ConfigMap resource) {
                     seen.add(action + " " + resource.getMetadata().getName());
                 }

                 @Override
                 public void onClose(WatcherException cause) {
                 }
             })) {
            vertx.configMaps().resource(cm("big")).create();
            vertx.configMaps().withName("big").edit(c -> new ConfigMapBuilder(c).addToData("v", "x".repeat(100_000)).build());
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 2);
        }
        assertThat(seen).containsExactly("ADDED big", "MODIFIED big");
        assertThat(upgradedWatches()).isGreaterThan(upgradedBefore);
    }

    private double upgradedWatches() {
        Map<String, String> watch = new LinkedHashMap<>(Map.of("verb", "WATCH", "resource", "configmaps", "code", "101"));
        return PrometheusText.parse(http.get("/metrics").body()).find("apiserver_request_total", watch).stream()
                .mapToDouble(PrometheusText.Sample::value).sum();
    }

    @Test
    void theHandshakeIsCheckedAsTheApiserverChecksIt() throws Exception {
        String path = watchPath("");
        Map<String, String> offer = handshake("Sec-WebSocket-Protocol", "binary.k8s.io");
        offer.put("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
        WebSocketClient.Answer ok = WebSocketClient.handshake(port, path, offer);
        assertThat(ok.code()).isEqualTo(101);
        assertThat(ok.headers()).containsEntry("sec-websocket-accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
                .containsEntry("sec-websocket-protocol", "binary.k8s.io")
                .as("no compression is negotiated, as upstream").doesNotContainKey("sec-websocket-extensions");

        WebSocketClient.Answer noOrigin = WebSocketClient.handshake(port, path, handshake("Origin", null));
        assertThat(noOrigin.code()).isEqualTo(403);
        assertThat(Http.JSON.readTree(noOrigin.body()).path("reason").asString()).isEqualTo("Forbidden");

        WebSocketClient.Answer oldVersion = WebSocketClient.handshake(port, path, handshake("Sec-WebSocket-Version", "8"));
        assertThat(oldVersion.code()).isEqualTo(400);
        assertThat(oldVersion.headers()).containsEntry("sec-websocket-version", "13");
        assertThat(Http.JSON.readTree(oldVersion.body()).path("kind").asString()).isEqualTo("Status");

        WebSocketClient.Answer noKey = WebSocketClient.handshake(port, path, handshake("Sec-WebSocket-Key", null));
        assertThat(noKey.code()).isEqualTo(400);

        WebSocketClient.Answer twoProtocols = WebSocketClient.handshake(port, path,
                handshake("Sec-WebSocket-Protocol", "binary.k8s.io, base64.binary.k8s.io"));
        assertThat(twoProtocols.code()).isEqualTo(400);

        WebSocketClient.Answer badSelector = WebSocketClient.handshake(port, watchPath("&labelSelector=a%20in%20(b"),
                handshake());
        assertThat(badSelector.code()).isEqualTo(400);
        assertThat(Http.JSON.readTree(badSelector.body()).path("reason").asString()).isEqualTo("BadRequest");

        WebSocketClient.Answer notAnUpgrade = WebSocketClient.handshake(port, watchPath("&timeoutSeconds=1"),
                handshake("Connection", "keep-alive"));
        assertThat(notAnUpgrade.code()).as("Upgrade without Connection: upgrade is a streaming HTTP watch").isEqualTo(200);
    }
}
