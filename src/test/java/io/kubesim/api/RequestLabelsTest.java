package io.kubesim.api;

import io.kubesim.registry.ResourceCatalog;
import io.kubesim.registry.kinds.Kinds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How requests are named in the apiserver's request metrics (verb, group, version, resource, subresource, scope). */
class RequestLabelsTest {

    private static final ResourceCatalog CATALOG = Kinds.catalog();

    @ParameterizedTest(name = "{0} {1} watch={2} -> {4} {5}/{6} {7} {8} {9}")
    @CsvSource(nullValues = "null", value = {
        "GET,    /api/v1/namespaces/ns/pods,                       null,  null,                         LIST,             '',     v1, pods,        '',       namespace",
        "GET,    /api/v1/pods,                                     null,  null,                         LIST,             '',     v1, pods,        '',       cluster",
        "HEAD,   /api/v1/pods,                                     null,  null,                         LIST,             '',     v1, pods,        '',       cluster",
        "GET,    /api/v1/namespaces/ns/pods,                       true,  null,                         WATCH,            '',     v1, pods,        '',       namespace",
        "GET,    /api/v1/namespaces/ns/pods,                       1,     null,                         WATCH,            '',     v1, pods,        '',       namespace",
        "GET,    /api/v1/namespaces/ns/pods,                       '',    null,                         WATCH,            '',     v1, pods,        '',       namespace",
        "GET,    /api/v1/namespaces/ns/pods,                       false, null,                         LIST,             '',     v1, pods,        '',       namespace",
        "GET,    /api/v1/namespaces/ns/pods,                       0,     null,                         LIST,             '',     v1, pods,        '',       namespace",
        "GET,    /api/v1/watch/namespaces/ns/pods,                 null,  null,                         WATCH,            '',     v1, pods,        '',       namespace",
        "GET,    /api/v1/watch/namespaces/ns/pods/p,               null,  null,                         WATCH,            '',     v1, pods,        '',       resource",
        "GET,    /api/v1/namespaces/ns/pods/p,                     null,  null,                         GET,              '',     v1, pods,        '',       resource",
        "POST,   /api/v1/namespaces/ns/pods,                       null,  application/json,             POST,             '',     v1, pods,        '',       resource",
        "PUT,    /api/v1/namespaces/ns/pods/p/status,              null,  application/json,             PUT,              '',     v1, pods,        status,   resource",
        "PATCH,  /api/v1/namespaces/ns/pods/p,                     null,  application/merge-patch+json, PATCH,            '',     v1, pods,        '',       resource",
        "PATCH,  /api/v1/namespaces/ns/pods/p,                     null,  application/apply-patch+yaml, APPLY,            '',     v1, pods,        '',       resource",
        "DELETE, /api/v1/namespaces/ns/pods/p,                     null,  null,                         DELETE,           '',     v1, pods,        '',       resource",
        "DELETE, /api/v1/namespaces/ns/pods,                       null,  null,                         DELETECOLLECTION, '',     v1, pods,        '',       namespace",
        "GET,    /apis/apps/v1/namespaces/ns/deployments/d/scale,  null,  null,                         GET,              apps,   v1, deployments, scale,    resource",
        "GET,    /api/v1/namespaces,                               null,  null,                         LIST,             '',     v1, namespaces,  '',       cluster",
        "GET,    /api/v1/namespaces/ns,                            null,  null,                         GET,              '',     v1, namespaces,  '',       resource",
        "PUT,    /api/v1/namespaces/ns/finalize,                   null,  application/json,             PUT,              '',     v1, namespaces,  finalize, resource",
        "GET,    /api/v1/nodes,                                    null,  null,                         LIST,             '',     v1, nodes,       '',       cluster",
    })
    void resourceRequests(String method, String path, String watch, String contentType, String verb, String group,
                          String version, String resource, String subresource, String scope) {
        assertThat(RequestLabels.of(method, path, watch, contentType, null, CATALOG))
                .isEqualTo(new RequestLabels(verb, group, version, resource, subresource, scope, ""));
    }

    @ParameterizedTest
    @CsvSource({"GET, /healthz", "GET, /api", "GET, /api/v1", "GET, /apis/apps/v1", "GET, /metrics",
        "GET, /api/v1/namespaces/ns/widgets", "POST, /apis/nope/v1/things", "GET, /api/v1/a/b/c/d/e/f"})
    void everythingElseIsANonResourceRequestWithBoundedLabels(String method, String path) {
        assertThat(RequestLabels.of(method, path, null, null, null, CATALOG))
                .isEqualTo(new RequestLabels(method, "", "", "", "", "", ""));
    }

    @ParameterizedTest
    @CsvSource({"All, All", "x, ''"})
    void dryRunIsAllOrEmpty(String param, String label) {
        assertThat(RequestLabels.of("POST", "/api/v1/namespaces/ns/configmaps", null, null, param, CATALOG).dryRun())
                .isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({"BREW, other", "get, GET"})
    void unknownMethodsCollapse(String method, String verb) {
        assertThat(RequestLabels.nonResource(method).verb()).isEqualTo(verb);
    }
}
