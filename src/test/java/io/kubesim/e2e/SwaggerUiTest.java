package io.kubesim.e2e;

import io.kubesim.support.ApiTestBase;
import io.kubesim.support.Http;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Swagger UI served by the app from the webjar, on the same openapi.yaml that is checked in. */
class SwaggerUiTest extends ApiTestBase {

    @Test
    void swaggerUiRedirectsToItsPageWhichLoadsTheBundleAndTheContract() {
        Http.Response root = http.get("/swagger-ui");
        assertThat(root.code()).isEqualTo(302);
        assertThat(root.header("Location")).isEqualTo("/swagger-ui/index.html");
        assertThat(http.get("/swagger-ui/").header("Location")).isEqualTo("/swagger-ui/index.html");

        Http.Response page = http.get("/swagger-ui/index.html");
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<div id=\"swagger-ui\"></div>", "swagger-ui-bundle.js", "swagger-initializer.js");

        Http.Response init = http.get("/swagger-ui/swagger-initializer.js");
        assertThat(init.code()).isEqualTo(200);
        assertThat(init.header("Content-Type")).startsWith("text/javascript");
        assertThat(init.body()).contains("url: \"/openapi.yaml\"").doesNotContain("petstore");

        Http.Response bundle = http.get("/swagger-ui/swagger-ui-bundle.js");
        assertThat(bundle.code()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(1_000_000);
        assertThat(http.get("/swagger-ui/swagger-ui.css").header("Content-Type")).startsWith("text/css");
        assertThat(http.get("/swagger-ui/swagger-ui-standalone-preset.js").code()).isEqualTo(200);
        assertThat(http.get("/swagger-ui/favicon-32x32.png").header("Content-Type")).isEqualTo("image/png");
    }

    @Test
    void unknownFilesAreNotFound() {
        assertThat(http.get("/swagger-ui/nope.js").code()).isEqualTo(404);
        assertThat(http.get("/swagger-ui/index.exe").code()).isEqualTo(404);
        assertThat(http.get("/swagger-ui/.hidden.js").code()).isEqualTo(404);
    }

    @Test
    void theContractIsServedByteForByteWithAnETag() throws IOException {
        Http.Response doc = http.get("/openapi.yaml");
        assertThat(doc.code()).isEqualTo(200);
        assertThat(doc.header("Content-Type")).startsWith("application/yaml");
        assertThat(doc.body()).isEqualTo(Files.readString(Path.of("openapi.yaml")));
        Http.Response again = http.get("/openapi.yaml", Map.of("If-None-Match", doc.header("ETag")));
        assertThat(again.code()).isEqualTo(304);
    }
}
