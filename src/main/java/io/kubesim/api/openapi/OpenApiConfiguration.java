package io.kubesim.api.openapi;

import io.kubesim.registry.ResourceCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Renders the OpenAPI documents once, from the catalog, beside the rest of startup. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    RenderedOpenApi renderedOpenApi(ResourceCatalog catalog) {
        return RenderedOpenApi.startRendering(catalog);
    }
}
