package io.kubesim.e2e;

import io.kubesim.support.ApiTestBase;
import io.kubesim.support.Http;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests Tomcat answers itself, and methods the API does not serve, get a v1 Status like every other error. */
class ContainerErrorsTest extends ApiTestBase {

    private static void assertStatus(Http.Response r, int code, String reason) {
        assertThat(r.code()).as(r.body()).isEqualTo(code);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().path("kind").asString()).as(r.body()).isEqualTo("Status");
        assertThat(r.json().path("apiVersion").asString()).isEqualTo("v1");
        assertThat(r.json().path("status").asString()).isEqualTo("Failure");
        assertThat(r.json().path("code").asInt()).isEqualTo(code);
        assertThat(r.json().path("reason").asString()).isEqualTo(reason);
    }

    @Test
    void anEncodedSlashTomcatRefusesIsABadRequestStatus() {
        assertStatus(http.get("/api/v1/namespaces/a%2Fb/pods"), 400, "BadRequest");
        assertStatus(http.get("/api/v1/namespaces/" + namespace + "/configmaps/a%2Fb"), 400, "BadRequest");
    }

    @Test
    void methodsTheApiDoesNotServeAreMethodNotAllowedStatuses() {
        String pods = "/api/v1/namespaces/" + namespace + "/pods";
        for (String method : new String[]{"OPTIONS", "TRACE", "HEAD", "PROPFIND"}) {
            Http.Response r = http.send(method, pods, null, null, Map.of());
            assertThat(r.code()).as(method).isEqualTo(405);
            if (!method.equals("HEAD")) {
                assertStatus(r, 405, "MethodNotAllowed");
                assertThat(r.json().path("message").asString())
                        .isEqualTo("the server does not allow this method on the requested resource");
            }
        }
        assertThat(http.get(pods).code()).isEqualTo(200);
    }

    @Test
    void aPathOutsideTheApiIsStillTheRootIndex404() {
        Http.Response r = http.get("/no/such/path");
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.json().path("paths").isArray()).isTrue();
    }
}
