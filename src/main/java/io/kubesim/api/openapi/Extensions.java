package io.kubesim.api.openapi;

/** The vendor extensions Kubernetes adds to OpenAPI ({@code api/openapi-spec/README.md} upstream). */
final class Extensions {

    static final String GVK = "x-kubernetes-group-version-kind";
    static final String ACTION = "x-kubernetes-action";
    static final String PATCH_STRATEGY = "x-kubernetes-patch-strategy";
    static final String PATCH_MERGE_KEY = "x-kubernetes-patch-merge-key";
    static final String LIST_TYPE = "x-kubernetes-list-type";
    static final String LIST_MAP_KEYS = "x-kubernetes-list-map-keys";
    static final String PRESERVE_UNKNOWN_FIELDS = "x-kubernetes-preserve-unknown-fields";
    static final String INT_OR_STRING = "x-kubernetes-int-or-string";

    private Extensions() {
    }
}
