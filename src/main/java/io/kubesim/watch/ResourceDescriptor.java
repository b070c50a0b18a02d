package io.kubesim.watch;

import java.util.List;

/**
 * What the watch cache needs to know of a resource.
 *
 * @param resource   the storage name, e.g. {@code pods} or {@code deployments.apps}
 * @param apiVersion for bookmark objects, e.g. {@code v1}
 * @param kind       for bookmark objects, e.g. {@code Pod}
 * @param fieldNames the selectable fields beyond metadata.name / metadata.namespace, in the order of
 *                   {@link CachedObject}'s field values
 */
public record ResourceDescriptor(String resource, String apiVersion, String kind, List<String> fieldNames) {
}
