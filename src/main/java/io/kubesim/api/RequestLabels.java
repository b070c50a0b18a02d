package io.kubesim.api;

import io.kubesim.registry.ResourceCatalog;

import java.util.Locale;
import java.util.Set;

/**
 * What kube-apiserver's request metrics call a request ({@code endpoints/metrics}): the verb as the apiserver
 * reports it ({@code GET}, {@code LIST}, {@code WATCH}, {@code POST}, {@code PUT}, {@code PATCH}, {@code APPLY},
 * {@code DELETE}, {@code DELETECOLLECTION}), the group, version, resource, subresource and scope
 * ({@code resource} for one object or a create, {@code namespace}, {@code cluster}, empty for non-resource paths).
 * Resources the catalog does not serve are reported with empty resource labels, so that the label set stays bounded
 * whatever paths clients send.
 *
 * @param dryRun {@code All} for a dry run, else empty
 */
record RequestLabels(String verb, String group, String version, String resource, String subresource, String scope,
                     String dryRun) {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** A request outside {@code /api} and {@code /apis} resources (discovery, health, {@code /metrics}, ...). */
    static RequestLabels nonResource(String method) {
        String m = method.toUpperCase(Locale.ROOT);
        return new RequestLabels(METHODS.contains(m) ? m : "other", "", "", "", "", "", "");
    }

    /**
     * Classifies a request.
     *
     * @param path        the decoded path
     * @param watchParam  the first {@code watch} query value, null when absent
     * @param contentType the request's Content-Type, may be null
     * @param dryRun      the first {@code dryRun} query value, null when absent
     */
    static RequestLabels of(String method, String path, String watchParam, String contentType, String dryRun,
                            ResourceCatalog catalog) {
        return of(method, path.startsWith("/api") ? RequestTarget.parse(path) : null, watchParam, contentType, dryRun,
                catalog);
    }

    /** The labels of a request whose path is already parsed ({@code t} null for a path that is no API request). */
    static RequestLabels of(String method, RequestTarget t, String watchParam, String contentType, String dryRun,
                            ResourceCatalog catalog) {
        if (t == null || t.isDiscovery() || catalog.find(t.group(), t.version(), t.resource()).isEmpty()) {
            return nonResource(method);
        }
        String m = method.toUpperCase(Locale.ROOT);
        boolean named = t.name() != null && !t.legacyWatch();
        String scope = t.name() != null || m.equals("POST") ? "resource" : t.namespace() != null ? "namespace" : "cluster";
        String verb = switch (m) {
            case "GET", "HEAD" -> {
                if (t.legacyWatch() || !named && isWatch(watchParam)) {
                    yield "WATCH";
                }
                yield named ? "GET" : "LIST";
            }
            case "PATCH" -> contentType != null && contentType.startsWith("application/apply-patch") ? "APPLY" : "PATCH";
            case "DELETE" -> named ? "DELETE" : "DELETECOLLECTION";
            case "POST", "PUT" -> m;
            default -> "other";
        };
        return new RequestLabels(verb, t.group(), t.version(), t.resource(),
                t.subresource() == null ? "" : t.subresource(), scope, "All".equals(dryRun) ? "All" : "");
    }

    /** The apiserver's boolean query conversion: anything but {@code false} and {@code 0} is true. */
    private static boolean isWatch(String value) {
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return !v.equals("false") && !v.equals("0");
    }
}
