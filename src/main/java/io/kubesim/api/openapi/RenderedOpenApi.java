package io.kubesim.api.openapi;

import io.kubesim.registry.ResourceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

/**
 * The OpenAPI v3 documents and the v2 document derived from them, rendered on a thread of their own from startup on:
 * rendering introspects every model class (a quarter of the main thread's samples in the second half of a start, in
 * JFR), and nothing else needs it before a client asks. A request for a document waits until they are ready.
 */
final class RenderedOpenApi {

    private static final Logger log = LoggerFactory.getLogger(RenderedOpenApi.class);

    private record Documents(OpenApiDocuments v3, OpenApiV2 v2) {
    }

    private final CompletableFuture<Documents> documents;

    private RenderedOpenApi(CompletableFuture<Documents> documents) {
        this.documents = documents;
    }

    /** Starts rendering the documents of {@code catalog} on a daemon thread. */
    static RenderedOpenApi startRendering(ResourceCatalog catalog) {
        CompletableFuture<Documents> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                OpenApiDocuments v3 = OpenApiDocuments.of(catalog);
                future.complete(new Documents(v3, OpenApiV2.of(v3, ApiDescription.KUBERNETES_VERSION)));
            } catch (RuntimeException | Error e) {
                log.error("rendering the OpenAPI documents failed", e);
                future.completeExceptionally(e);
            }
        }, "kubesim-openapi");
        thread.setDaemon(true);
        thread.start();
        return new RenderedOpenApi(future);
    }

    /** Documents rendered already. */
    static RenderedOpenApi of(OpenApiDocuments v3, OpenApiV2 v2) {
        return new RenderedOpenApi(CompletableFuture.completedFuture(new Documents(v3, v2)));
    }

    OpenApiDocuments v3() {
        return documents.join().v3();
    }

    OpenApiV2 v2() {
        return documents.join().v2();
    }
}
