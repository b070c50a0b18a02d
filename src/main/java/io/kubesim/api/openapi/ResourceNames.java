package io.kubesim.api.openapi;

import io.kubesim.registry.ResourceType;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The paths and operation-id parts of one kind, as kube-apiserver names them: {@code /api/v1/namespaces/{namespace}/pods},
 * {@code listCoreV1NamespacedPod}, tag {@code core_v1}.
 */
record ResourceNames(ResourceType type) {

    /** {@code /api/v1} or {@code /apis/apps/v1}. */
    String prefix() {
        return "/" + document();
    }

    /** The index key of the group-version document: {@code api/v1}. */
    String document() {
        return GroupNames.documentKey(type.group(), type.version());
    }

    String tag() {
        return GroupNames.tag(type.group(), type.version());
    }

    /** {@code CoreV1}. */
    String infix() {
        return GroupNames.operationInfix(type.group(), type.version());
    }

    /** {@code Namespaced} for namespaced kinds, else empty. */
    String scope() {
        return type.namespaced() ? "Namespaced" : "";
    }

    /** The upstream id: {@code verb + CoreV1 + [Namespaced] + Kind + suffix}. */
    String id(String verb, String suffix) {
        return verb + infix() + scope() + type.kind() + suffix;
    }

    /** The id without the group-version infix: {@code createNamespacedPod}. */
    String shortId(String verb, String suffix) {
        return verb + scope() + type.kind() + suffix;
    }

    /** The collection path in the kind's scope: {@code .../namespaces/{namespace}/pods} or {@code .../nodes}. */
    String collection() {
        return scoped(prefix()) + type.plural();
    }

    /** The object path: {@code <collection>/{name}}. */
    String item() {
        return collection() + "/{name}";
    }

    /** The collection across namespaces: {@code /api/v1/pods}. */
    String allNamespaces() {
        return prefix() + "/" + type.plural();
    }

    /** The legacy watch path of the collection in scope: {@code /api/v1/watch/namespaces/{namespace}/pods}. */
    String watchCollection() {
        return scoped(prefix() + "/watch") + type.plural();
    }

    /** The legacy watch path of the collection across namespaces: {@code /api/v1/watch/pods}. */
    String watchAllNamespaces() {
        return prefix() + "/watch/" + type.plural();
    }

    private String scoped(String base) {
        return type.namespaced() ? base + "/namespaces/{namespace}/" : base + "/";
    }

    /** The path parameters of a collection path in scope, plus {@code pretty}. */
    List<ObjectNode> collectionParameters() {
        List<ObjectNode> out = new ArrayList<>();
        if (type.namespaced()) {
            out.add(Parameters.namespace());
        }
        out.add(Parameters.query("pretty"));
        return out;
    }

    /** The path parameters of an object path ({@code name}, then {@code namespace}), plus {@code pretty}. */
    List<ObjectNode> itemParameters() {
        List<ObjectNode> out = new ArrayList<>();
        out.add(Parameters.name(type.kind()));
        out.addAll(collectionParameters());
        return out;
    }

    /** {@code pretty} alone, for paths without parameters. */
    static List<ObjectNode> prettyOnly() {
        return List.of(Parameters.query("pretty"));
    }
}
