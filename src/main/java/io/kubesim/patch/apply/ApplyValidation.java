package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;

/**
 * The checks kube-apiserver makes on an apply request around the field manager, with its messages: the
 * {@code fieldManager} parameter ({@code ValidatePatchOptions}), the body's type ({@code versionCheckManager}) and
 * managedFields ({@code structuredMergeManager}), and the name of the result ({@code checkName} of the patch handler).
 */
public final class ApplyValidation {

    private ApplyValidation() {
    }

    /** 422 when an apply patch comes without {@code ?fieldManager=}. */
    public static void requireFieldManager(String fieldManager) {
        if (fieldManager == null || fieldManager.isEmpty()) {
            throw ApplyRequestException.invalid("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: "
                    + "Required value: is required for apply patch");
        }
    }

    /**
     * 400 unless the applied configuration is an object of {@code apiVersion} and {@code kind} (the endpoint's) and
     * carries no {@code metadata.managedFields}. A missing {@code apiVersion} or {@code kind} is reported as upstream
     * does, for example {@code invalid object type: /, Kind=Deployment}.
     */
    public static void checkConfig(JsonNode config, String apiVersion, String kind) {
        if (config == null || !config.isObject()) {
            throw ApplyRequestException.badRequest("error decoding patch: the applied configuration must be an object");
        }
        String configVersion = config.path("apiVersion").asString("");
        String configKind = config.path("kind").asString("");
        if (configKind.isEmpty() || !configVersion.equals(apiVersion) || !configKind.equals(kind)) {
            throw ApplyRequestException.badRequest("invalid object type: " + gvk(configVersion, configKind));
        }
        JsonNode managedFields = config.path("metadata").get("managedFields");
        if (managedFields != null && !managedFields.isNull()) {
            throw ApplyRequestException.badRequest("metadata.managedFields must be nil");
        }
    }

    /**
     * 400 unless the object an apply produced is named as the URL says: {@code the name of the object (web based on
     * URL) was undeterminable: name must be provided} when it has no name (an apply that creates without
     * {@code metadata.name}), {@code the name of the object (a) does not match the name on the URL (b)}, and the
     * namespace counterpart. {@code urlNamespace} is empty for cluster-scoped resources.
     */
    public static void checkName(JsonNode object, String urlName, String urlNamespace) {
        String name = object.path("metadata").path("name").asString("");
        if (name.isEmpty()) {
            throw ApplyRequestException.badRequest("the name of the object (" + urlName
                    + " based on URL) was undeterminable: name must be provided");
        }
        if (!name.equals(urlName)) {
            throw ApplyRequestException.badRequest("the name of the object (" + name
                    + ") does not match the name on the URL (" + urlName + ")");
        }
        String namespace = object.path("metadata").path("namespace").asString("");
        if (urlNamespace != null && !urlNamespace.isEmpty() && !namespace.isEmpty()
                && !namespace.equals(urlNamespace)) {
            throw ApplyRequestException.badRequest("the namespace of the object (" + namespace
                    + ") does not match the namespace on the request (" + urlNamespace + ")");
        }
    }

    /** {@code schema.GroupVersionKind.String()} of an apiVersion and kind: {@code apps/v1, Kind=Deployment}. */
    static String gvk(String apiVersion, String kind) {
        String group = "";
        String version = "";
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            version = apiVersion;
        } else if (apiVersion.indexOf('/', slash + 1) < 0) {
            group = apiVersion.substring(0, slash);
            version = apiVersion.substring(slash + 1);
        }
        return group + "/" + version + ", Kind=" + kind;
    }
}
