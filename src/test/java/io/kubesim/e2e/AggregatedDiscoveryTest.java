package io.kubesim.e2e;

import io.kubesim.support.ApiTestBase;
import io.kubesim.support.Http;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Aggregated discovery as kubectl reads and revalidates it: the typed Content-Type, an ETag and 304. */
class AggregatedDiscoveryTest extends ApiTestBase {

    private static final String ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;q=0.9";

    @Test
    void aggregatedDiscoveryCarriesAnETagAndAnswers304WhenItMatches() {
        for (String path : new String[] {"/api", "/apis"}) {
            Http.Response first = http.get(path, Map.of("Accept", ACCEPT));
            assertThat(first.code()).isEqualTo(200);
            assertThat(first.header("Content-Type")).contains("as=APIGroupDiscoveryList");
            assertThat(first.json().get("kind").asString()).isEqualTo("APIGroupDiscoveryList");
            String etag = first.header("ETag");
            assertThat(etag).startsWith("\"").endsWith("\"");
            assertThat(first.header("Vary")).isEqualTo("Accept");

            Http.Response again = http.get(path, Map.of("Accept", ACCEPT, "If-None-Match", etag));
            assertThat(again.code()).isEqualTo(304);
            assertThat(again.body()).isEmpty();

            Http.Response stale = http.get(path, Map.of("Accept", ACCEPT, "If-None-Match", "\"other\""));
            assertThat(stale.code()).isEqualTo(200);
            assertThat(stale.header("ETag")).isEqualTo(etag);
        }
    }
}
