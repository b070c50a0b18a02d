package io.kubesim.api.openapi;

import java.util.Locale;

/**
 * How kube-apiserver's OpenAPI spells an API group in names: operation ids ({@code listRbacAuthorizationV1ClusterRole}),
 * tags ({@code rbac_authorization_v1}), index keys ({@code apis/apps/v1}) and definition packages
 * ({@code io.k8s.api.rbac.v1}).
 */
final class GroupNames {

    private static final String K8S_SUFFIX = ".k8s.io";

    private GroupNames() {
    }

    /** {@code Core} for the core group, else the group without {@code .k8s.io}, camel-cased per dot: {@code RbacAuthorization}. */
    static String camel(String group) {
        if (group.isEmpty()) {
            return "Core";
        }
        StringBuilder out = new StringBuilder();
        for (String part : trimmed(group).split("[.-]")) {
            out.append(ClientModels.capitalize(part));
        }
        return out.toString();
    }

    /** The Java client's class-name prefix for a group: {@code Core}, {@code Events}, {@code Rbac} (first label only). */
    static String clientPrefix(String group) {
        return group.isEmpty() ? "Core" : ClientModels.capitalize(group.split("\\.")[0]);
    }

    /** The operation-id infix of a group/version: {@code CoreV1}, {@code AppsV1}, {@code CoordinationV1}. */
    static String operationInfix(String group, String version) {
        return camel(group) + ClientModels.capitalize(version);
    }

    /** The tag of a group/version: {@code core_v1}, {@code apps_v1}, {@code coordination_v1}. */
    static String tag(String group, String version) {
        return groupTag(group) + "_" + version;
    }

    /** The tag of a group's own document: {@code core}, {@code apps}, {@code rbac_authorization}. */
    static String groupTag(String group) {
        return group.isEmpty() ? "core" : trimmed(group).replace('.', '_').replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** The URL prefix and index key of a group/version: {@code api/v1}, {@code apis/apps/v1}. */
    static String documentKey(String group, String version) {
        return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
    }

    /**
     * The Go package of a group's types as OpenAPI definitions name it (reversed {@code k8s.io/api/<pkg>/<version>}):
     * the core group is {@code core}; otherwise the group's first DNS label, except the groups whose types live
     * outside {@code k8s.io/api}.
     */
    static String definitionPackage(String group, String version) {
        if (group.isEmpty()) {
            return "io.k8s.api.core." + version;
        }
        return switch (group) {
            case "apiextensions.k8s.io" -> "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions." + version;
            case "apiregistration.k8s.io" -> "io.k8s.kube-aggregator.pkg.apis.apiregistration." + version;
            case "internal.apiserver.k8s.io" -> "io.k8s.api.apiserverinternal." + version;
            default -> "io.k8s.api." + group.split("\\.")[0] + "." + version;
        };
    }

    private static String trimmed(String group) {
        return group.endsWith(K8S_SUFFIX) ? group.substring(0, group.length() - K8S_SUFFIX.length()) : group;
    }
}
