package io.kubesim.api.openapi;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked-in {@code openapi.yaml} is the rendered contract. To regenerate it after a change to the catalog or to
 * this package: {@code mvn -o -q -B test -Dtest=OpenApiContractTest -Dopenapi.regenerate=true}.
 */
class OpenApiContractTest {

    private final String rendered = OpenApiContract.render();

    @Test
    void checkedInContractIsTheRenderedOne() throws IOException {
        if (Boolean.getBoolean("openapi.regenerate")) {
            Files.writeString(OpenApiContract.FILE, rendered);
        }
        assertThat(Files.exists(OpenApiContract.FILE)).as("openapi.yaml at the project root").isTrue();
        String checkedIn = Files.readString(OpenApiContract.FILE);
        assertThat(checkedIn.equals(rendered))
                .withFailMessage("openapi.yaml is stale (%s); regenerate it with "
                        + "mvn -o -q -B test -Dtest=OpenApiContractTest -Dopenapi.regenerate=true", firstDifference(checkedIn))
                .isTrue();
    }

    private String firstDifference(String checkedIn) {
        String[] a = checkedIn.split("\n", -1);
        String[] b = rendered.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "line " + (i + 1) + ": checked in <" + a[i].strip() + ">, rendered <" + b[i].strip() + ">";
            }
        }
        return "checked in has " + a.length + " lines, rendered " + b.length;
    }

    @Test
    void contractIsOpenApi303WithUniqueOperationIdsAndTagsPerGroupVersion() {
        JsonNode doc = YAMLMapper.builder().build().readTree(rendered);
        assertThat(doc.get("openapi").stringValue()).isEqualTo("3.0.3");
        assertThat(doc.get("servers").get(0).get("url").stringValue()).isEqualTo("http://127.0.0.1:8080");
        Set<String> ids = new HashSet<>();
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                if (!op.getKey().equals("parameters")) {
                    assertThat(ids.add(op.getValue().get("operationId").stringValue())).isTrue();
                    assertThat(op.getValue().get("summary")).isNotNull();
                }
            }
        }
        JsonNode create = doc.get("paths").get("/api/v1/namespaces/{namespace}/pods").get("post");
        assertThat(create.get("operationId").stringValue()).isEqualTo("createNamespacedPod");
        assertThat(create.get("tags").get(0).stringValue()).isEqualTo("core_v1");
        assertThat(ids).contains("getCoreV1APIResources", "getAppsV1APIResources", "listDeploymentForAllNamespaces",
                "patchNamespacedDeploymentScale", "getHealthz", "getOpenAPIV3Index", "getCodeVersion");
        assertThat(doc.get("paths").has("/healthz")).isTrue();
        assertThat(doc.get("paths").has("/openapi/v3/api/v1")).isTrue();
    }
}
