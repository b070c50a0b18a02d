package io.kubesim.api.openapi;

import io.kubesim.registry.ResourceCatalog;
import io.kubesim.registry.ResourceStrategy;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole HTTP API as data, derived from the catalog: the schemas and every operation that belongs in a
 * per-group-version document (discovery and resources).
 *
 * @param components the schemas
 * @param operations the operations, each naming its document
 */
record ApiDescription(Components components, List<ApiOperation> operations) {

    /** The Kubernetes version the documents claim; kept equal to {@code gitVersion} of {@code GET /version}. */
    static final String KUBERNETES_VERSION = "v1.32.4+kubesim";

    static ApiDescription of(ResourceCatalog catalog) {
        Components components = Components.of(catalog);
        List<ApiOperation> ops = new ArrayList<>(DiscoveryOperations.of(catalog));
        ResourceOperations resources = new ResourceOperations(components);
        for (ResourceStrategy<?> s : catalog.all()) {
            ops.addAll(resources.of(s));
        }
        return new ApiDescription(components, List.copyOf(ops));
    }

    /** The index keys of the documents, in order of first appearance. */
    List<String> documentKeys() {
        return operations.stream().map(ApiOperation::document).distinct().toList();
    }

    /** The operations of one document. */
    List<ApiOperation> operations(String documentKey) {
        return operations.stream().filter(op -> documentKey.equals(op.document())).toList();
    }
}
