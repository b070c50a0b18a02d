package io.kubesim.api.openapi;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.registry.kinds.Kinds;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OpenApiEndpointTest {

    private final OpenApiDocuments docs = OpenApiDocuments.of(Kinds.catalog());
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new OpenApiEndpoint(RenderedOpenApi.of(docs, OpenApiV2.of(docs, "v1.32.4+kubesim")), clock)).build();
    private final OpenApiDocuments.Document core = docs.document("api/v1").orElseThrow();

    @Test
    void indexIsJson() throws Exception {
        mvc.perform(get("/openapi/v3").header("Accept", "application/json, */*"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json"))
                .andExpect(jsonPath("$.paths['api/v1'].serverRelativeURL").value(core.serverRelativeUrl()))
                .andExpect(jsonPath("$.paths['apis/apps/v1'].serverRelativeURL").exists());
    }

    @Test
    void currentHashIsImmutableForAYear() throws Exception {
        var result = mvc.perform(get("/openapi/v3/api/v1").param("hash", core.hash()).header("Accept", "application/json"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json"))
                .andExpect(header().string("Cache-Control", "public, immutable"))
                .andExpect(header().string("Expires", "Mon, 1 Mar 2027 10:00:00 GMT"))
                .andExpect(header().string("ETag", "\"" + core.hash() + "\""))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(core.json());
    }

    @Test
    void staleHashRedirectsToTheCurrentUrl() throws Exception {
        mvc.perform(get("/openapi/v3/api/v1").param("hash", "0123"))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", core.serverRelativeUrl()));
    }

    @Test
    void withoutHashTheDocumentIsServedWithoutCachingHeaders() throws Exception {
        mvc.perform(get("/openapi/v3/apis/coordination.k8s.io/v1"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Cache-Control"))
                .andExpect(jsonPath("$.openapi").value("3.0.0"))
                .andExpect(jsonPath("$.paths['/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases'].post.operationId")
                        .value("createCoordinationV1NamespacedLease"));
    }

    @Test
    void matchingEtagIsNotModified() throws Exception {
        mvc.perform(get("/openapi/v3/api/v1").header("If-None-Match", "\"" + core.hash() + "\""))
                .andExpect(status().isNotModified());
    }

    @Test
    void unknownGroupVersionIsNotFound() throws Exception {
        mvc.perform(get("/openapi/v3/apis/batch/v1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.kind").value("Status"))
                .andExpect(jsonPath("$.reason").value("NotFound"));
    }

    @Test
    void protobufOnlyIsNotAcceptable() throws Exception {
        mvc.perform(get("/openapi/v3/api/v1").header("Accept", "application/com.github.proto-openapi.spec.v3@v1.0+protobuf"))
                .andExpect(status().isNotAcceptable())
                .andExpect(jsonPath("$.code").value(406));
        mvc.perform(get("/openapi/v3/api/v1").header("Accept", "application/json;q=0, text/html"))
                .andExpect(status().isNotAcceptable());
    }

    @Test
    void swagger2InJsonListsPatchOperationsWithFieldValidation() throws Exception {
        mvc.perform(get("/openapi/v2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.swagger").value("2.0"))
                .andExpect(jsonPath("$.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch"
                        + "['x-kubernetes-group-version-kind'].kind").value("Deployment"))
                .andExpect(jsonPath("$.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch"
                        + ".parameters[?(@.name == 'fieldValidation')].in").value("query"));
    }

    /** Walks the gnostic message as kubectl's {@code supportsQueryParam} does, with protobuf-java's unknown fields. */
    @Test
    void swagger2InProtobufIsTheGnosticDocumentKubectlReads() throws Exception {
        byte[] body = mvc.perform(get("/openapi/v2").header("Accept", OpenApiV2.PROTOBUF))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", OpenApiV2.PROTOBUF_CONTENT_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        com.google.protobuf.UnknownFieldSet doc = com.google.protobuf.UnknownFieldSet.parseFrom(body);
        assertThat(doc.getField(1).getLengthDelimitedList().get(0).toStringUtf8()).isEqualTo("2.0");
        com.google.protobuf.UnknownFieldSet paths = sub(doc.getField(8).getLengthDelimitedList().get(0));
        boolean found = false;
        for (var named : paths.getField(2).getLengthDelimitedList()) {
            com.google.protobuf.UnknownFieldSet pathItem = sub(named);
            if (!pathItem.getField(1).getLengthDelimitedList().get(0).toStringUtf8()
                    .equals("/api/v1/namespaces/{namespace}/pods/{name}")) {
                continue;
            }
            com.google.protobuf.UnknownFieldSet patch = sub(sub(pathItem.getField(2).getLengthDelimitedList().get(0))
                    .getField(8).getLengthDelimitedList().get(0));
            List<String> extensions = new ArrayList<>();
            for (var ext : patch.getField(13).getLengthDelimitedList()) {
                com.google.protobuf.UnknownFieldSet namedAny = sub(ext);
                extensions.add(namedAny.getField(1).getLengthDelimitedList().get(0).toStringUtf8() + "="
                        + sub(namedAny.getField(2).getLengthDelimitedList().get(0)).getField(2)
                        .getLengthDelimitedList().get(0).toStringUtf8());
            }
            assertThat(extensions).contains("x-kubernetes-group-version-kind=group: \"\"\nkind: Pod\nversion: v1\n");
            List<String> queryParams = new ArrayList<>();
            for (var item : patch.getField(8).getLengthDelimitedList()) {
                com.google.protobuf.UnknownFieldSet nonBody = sub(sub(sub(item).getField(1).getLengthDelimitedList()
                        .get(0)).getField(2).getLengthDelimitedList().get(0));
                if (nonBody.hasField(3)) {
                    queryParams.add(sub(nonBody.getField(3).getLengthDelimitedList().get(0)).getField(4)
                            .getLengthDelimitedList().get(0).toStringUtf8());
                }
            }
            assertThat(queryParams).contains("fieldValidation", "dryRun", "fieldManager");
            found = true;
        }
        assertThat(found).isTrue();
    }

    private static com.google.protobuf.UnknownFieldSet sub(com.google.protobuf.ByteString bytes) throws Exception {
        return com.google.protobuf.UnknownFieldSet.parseFrom(bytes);
    }

    @Test
    void acceptHeaders() {
        assertThat(OpenApiEndpoint.acceptsJson(null)).isTrue();
        assertThat(OpenApiEndpoint.acceptsJson("application/json")).isTrue();
        assertThat(OpenApiEndpoint.acceptsJson("application/com.github.proto-openapi.spec.v3@v1.0+protobuf, */*")).isTrue();
        assertThat(OpenApiEndpoint.acceptsJson("application/yaml")).isFalse();
    }
}
