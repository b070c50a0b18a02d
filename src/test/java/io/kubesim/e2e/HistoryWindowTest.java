package io.kubesim.e2e;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.support.ApiTestBase;
import io.kubesim.support.Http;
import io.kubesim.support.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** With a tiny event window, history runs out quickly: 410 Expired for watches, exact lists and continue tokens. */
@TestPropertySource(properties = "kubesim.watch.window-size=5")
class HistoryWindowTest extends ApiTestBase {

    private String churn(int writes) {
        String first = null;
        for (int i = 0; i < writes; i++) {
            var cm = client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("c" + i).endMetadata()
                    .build()).create();
            if (first == null) {
                first = cm.getMetadata().getResourceVersion();
            }
        }
        return first;
    }

    @Test
    void aWatchFromBeforeTheWindowGetsAnExpiredErrorEvent() {
        String old = churn(8);
        var response = http.get("/api/v1/namespaces/" + namespace + "/configmaps?watch=true&resourceVersion=" + old);
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                + "\"metadata\":{},\"status\":\"Failure\",\"message\":\"too old resource version: " + old + " (");
        assertThat(response.json().path("object").path("code").asInt()).isEqualTo(410);
        assertThat(response.json().path("object").path("reason").asString()).isEqualTo("Expired");
    }

    @Test
    void aWatchOverWebSocketFromBeforeTheWindowGetsTheErrorEventAndANormalClose() throws Exception {
        String old = churn(8);
        WebSocketClient.Messages ws = WebSocketClient.open(port,
                "/api/v1/namespaces/" + namespace + "/configmaps?watch=true&resourceVersion=" + old);
        assertThat(ws.closed.get(20, TimeUnit.SECONDS)).isEqualTo(1000);
        assertThat(ws.texts).singleElement().satisfies(t -> {
            JsonNode event = Http.JSON.readTree(t);
            assertThat(event.path("type").asString()).isEqualTo("ERROR");
            assertThat(event.path("object").path("code").asInt()).isEqualTo(410);
            assertThat(event.path("object").path("reason").asString()).isEqualTo("Expired");
        });
    }

    @Test
    void anExactListBeforeTheWindowIs410() {
        String old = churn(8);
        var response = http.get("/api/v1/namespaces/" + namespace + "/configmaps?resourceVersion=" + old
                + "&resourceVersionMatch=Exact");
        assertThat(response.code()).isEqualTo(410);
        assertThat(response.json().path("message").asString()).isEqualTo("The resourceVersion for the provided list is too old.");
    }

    @Test
    void anExpiredContinueTokenIs410WithAFreshToken() {
        churn(3);
        var first = client.configMaps().list(new ListOptionsBuilder().withLimit(1L).build());
        churn(0);
        for (int i = 0; i < 8; i++) {
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("z" + i).endMetadata().build())
                    .create();
        }
        KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class, () -> client.configMaps()
                .list(new ListOptionsBuilder().withLimit(1L).withContinue(first.getMetadata().getContinue()).build()));
        assertThat(e.getCode()).isEqualTo(410);
        assertThat(e.getStatus().getReason()).isEqualTo("Expired");
        assertThat(e.getStatus().getMessage()).startsWith("The provided continue parameter is too old");
        String fresh = e.getStatus().getMetadata().getContinue();
        assertThat(fresh).isNotEmpty();
        var rest = client.configMaps().list(new ListOptionsBuilder().withContinue(fresh).build());
        assertThat(rest.getItems()).extracting(c -> c.getMetadata().getName()).startsWith("c1", "c2");
    }
}
