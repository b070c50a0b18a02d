package io.kubesim.api.openapi;

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
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new OpenApiEndpoint(docs, clock)).build();
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
    void swagger2IsNotBuilt() throws Exception {
        mvc.perform(get("/openapi/v2").header("Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.reason").value("NotFound"));
    }

    @Test
    void acceptHeaders() {
        assertThat(OpenApiEndpoint.acceptsJson(null)).isTrue();
        assertThat(OpenApiEndpoint.acceptsJson("application/json")).isTrue();
        assertThat(OpenApiEndpoint.acceptsJson("application/com.github.proto-openapi.spec.v3@v1.0+protobuf, */*")).isTrue();
        assertThat(OpenApiEndpoint.acceptsJson("application/yaml")).isFalse();
    }
}
