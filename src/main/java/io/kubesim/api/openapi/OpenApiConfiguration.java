package io.kubesim.api.openapi;

import io.kubesim.registry.ResourceCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Renders the OpenAPI documents once, at startup, from the catalog. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenApiDocuments openApiDocuments(ResourceCatalog catalog) {
        return OpenApiDocuments.of(catalog);
    }

    @Bean
    OpenApiV2 openApiV2(OpenApiDocuments documents) {
        return OpenApiV2.of(documents, ApiDescription.KUBERNETES_VERSION);
    }
}
