package io.kubesim.api;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PathsTest {

    private static String decoded(String uri) {
        MockHttpServletRequest req = new MockHttpServletRequest("GET", uri);
        return Paths.decoded(req);
    }

    @Test
    void pathsWithoutEscapesAreReturnedAsSent() {
        assertThat(decoded("/api/v1/namespaces/ns/pods")).isEqualTo("/api/v1/namespaces/ns/pods");
        assertThat(decoded("/api/v1/namespaces//pods")).isEqualTo("/api/v1/namespaces//pods");
        assertThat(decoded("//api/v1")).isEqualTo("//api/v1");
        assertThat(decoded("///api")).isEqualTo("///api");
        assertThat(decoded("/")).isEqualTo("/");
        assertThat(decoded("")).isEqualTo("");
    }

    @Test
    void escapedSegmentsAreDecodedAndAnEscapedSlashStaysEscaped() {
        assertThat(decoded("/api/v1/namespaces/n%41me/pods")).isEqualTo("/api/v1/namespaces/nAme/pods");
        assertThat(decoded("/api/v1/namespaces/a%2Fb/pods")).isEqualTo("/api/v1/namespaces/a%2Fb/pods");
        assertThat(decoded("/api/v1/namespaces/caf%C3%A9")).isEqualTo("/api/v1/namespaces/café");
        assertThat(decoded("/api/v1/namespaces/100%")).isEqualTo("/api/v1/namespaces/100%");
        assertThat(decoded("//api/v1/namespaces/%41")).isEqualTo("//api/v1/namespaces/A");
        assertThat(decoded("/%41")).isEqualTo("/A");
        assertThat(decoded("%41/b")).isEqualTo("A/b");
    }
}
