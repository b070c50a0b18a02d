package io.kubesim.api.openapi;

import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations {@code io.kubesim.api.ResourceEndpoint} and {@code SubresourceHandlers} serve for one kind:
 * list/watch, create and delete-collection on the collection (plus list across namespaces), read, replace, patch
 * and delete on the object, the served subresources, and the legacy {@code /watch/} paths.
 */
final class ResourceOperations {

    /** Subresources with a handler (every one a kind advertises). */
    static final Set<String> SERVED_SUBRESOURCES = Set.of("status", "scale", "finalize", "log", "eviction", "binding");

    private final Components components;

    ResourceOperations(Components components) {
        this.components = components;
    }

    /** Every operation served for the kind of {@code strategy}. */
    List<ApiOperation> of(ResourceStrategy<?> strategy) {
        ResourceType t = strategy.type();
        ResourceNames n = new ResourceNames(t);
        String kind = components.kind(t);
        String list = Components.list(kind);
        ObjectNode fieldSelector = Parameters.fieldSelector(selectableFields(strategy));
        List<ApiOperation> out = new ArrayList<>();
        if (t.namespaced()) {
            out.add(list(n, n.allNamespaces(), ResourceNames.prettyOnly(), "ForAllNamespaces", list, fieldSelector));
        }
        out.add(list(n, n.collection(), n.collectionParameters(), "", list, fieldSelector));
        out.add(start(n, "post", n.collection(), n.collectionParameters(), "create", "", "create a " + t.kind())
                .parameters(params(Parameters.WRITE, null)).body(kind, Media.BODIES, true)
                .responses(kind, Media.OBJECT, "200", "201", "202").errors("400", "404", "409", "422")
                .kubernetes("post", t.group(), t.version(), t.kind()).build());
        out.add(OperationBuilder.of("delete", n.collection()).document(n.document())
                .id("delete" + n.infix() + "Collection" + n.scope() + t.kind(), "deleteCollection" + n.scope() + t.kind())
                .tag(n.tag()).description("delete collection of " + t.kind()).pathParameters(n.collectionParameters())
                .parameters(params(Parameters.DELETE_COLLECTION, fieldSelector))
                .body(Components.DELETE_OPTIONS, Media.BODIES, false)
                .responses(list, Media.OBJECT, "200").errors("400")
                .kubernetes("deletecollection", t.group(), t.version(), t.kind()).build());
        out.addAll(item(n, kind, "", "", t.kind()));
        out.add(delete(n, t, kind));
        for (String sub : new TreeSet<>(t.subresources())) {
            if (SERVED_SUBRESOURCES.contains(sub)) {
                out.addAll(subresource(n, kind, sub));
            }
        }
        out.addAll(watches(n, fieldSelector));
        return out;
    }

    private static List<String> selectableFields(ResourceStrategy<?> s) {
        List<String> fields = new ArrayList<>(List.of("metadata.name"));
        if (s.type().namespaced()) {
            fields.add("metadata.namespace");
        }
        fields.addAll(new TreeSet<>(s.selectableFields().keySet()));
        return fields;
    }

    private static OperationBuilder start(ResourceNames n, String method, String path, List<ObjectNode> pathParams,
                                          String verb, String suffix, String description) {
        return OperationBuilder.of(method, path).document(n.document()).id(n.id(verb, suffix), n.shortId(verb, suffix))
                .tag(n.tag()).description(description).pathParameters(pathParams);
    }

    private static ApiOperation list(ResourceNames n, String path, List<ObjectNode> pathParams, String suffix,
                                     String list, ObjectNode fieldSelector) {
        ResourceType t = n.type();
        String id = "list" + n.infix() + (suffix.isEmpty() ? n.scope() : "") + t.kind() + suffix;
        String shortId = "list" + (suffix.isEmpty() ? n.scope() : "") + t.kind() + suffix;
        return OperationBuilder.of("get", path).document(n.document()).id(id, shortId).tag(n.tag())
                .description("list or watch objects of kind " + t.kind()).pathParameters(pathParams)
                .parameters(params(Parameters.LIST, fieldSelector))
                .responses(list, Media.LIST, "200").content("200", Media.TABLE, HandWrittenSchemas.TABLE)
                .errors("400", "406", "410").kubernetes("list", t.group(), t.version(), t.kind()).build();
    }

    /** GET, PUT and PATCH of the object or of a subresource answering with {@code definition}. */
    private static List<ApiOperation> item(ResourceNames n, String definition, String sub, String suffix, String kind) {
        ResourceType t = n.type();
        String path = sub.isEmpty() ? n.item() : n.item() + "/" + sub;
        String what = sub.isEmpty() ? "the specified " + t.kind() : sub + " of the specified " + t.kind();
        String group = kind.equals("Scale") ? "autoscaling" : t.group();
        String version = kind.equals("Scale") ? "v1" : t.version();
        List<ApiOperation> out = new ArrayList<>();
        OperationBuilder read = start(n, "get", path, n.itemParameters(), "read", suffix, "read " + what)
                .responses(definition, Media.OBJECT, "200");
        if (sub.isEmpty()) {
            read.content("200", Media.TABLE, HandWrittenSchemas.TABLE);
        }
        out.add(read.errors("404", "406").kubernetes("get", group, version, kind).build());
        out.add(start(n, "put", path, n.itemParameters(), "replace", suffix, "replace " + what)
                .parameters(params(Parameters.WRITE, null)).body(definition, Media.BODIES, true)
                .responses(definition, Media.OBJECT, "200", "201").errors("400", "404", "409", "422")
                .kubernetes("put", group, version, kind).build());
        out.add(start(n, "patch", path, n.itemParameters(), "patch", suffix, "partially update " + what)
                .parameters(params(Parameters.PATCH, null)).body(HandWrittenSchemas.PATCH, Media.patchBodies(), true)
                .responses(definition, Media.OBJECT, "200").errors("400", "404", "409", "415", "422")
                .kubernetes("patch", group, version, kind).build());
        return out;
    }

    private static ApiOperation delete(ResourceNames n, ResourceType t, String kind) {
        String answer = t.returnDeletedObject() || t.gracefulDeletion() ? kind : Components.STATUS;
        return start(n, "delete", n.item(), n.itemParameters(), "delete", "", "delete a " + t.kind())
                .parameters(params(Parameters.DELETE, null)).body(Components.DELETE_OPTIONS, Media.BODIES, false)
                .responses(answer, Media.OBJECT, "200", "202").errors("404", "409")
                .kubernetes("delete", t.group(), t.version(), t.kind()).build();
    }

    private List<ApiOperation> subresource(ResourceNames n, String kind, String sub) {
        ResourceType t = n.type();
        String suffix = ClientModels.capitalize(sub);
        if (sub.equals("scale")) {
            return item(n, Components.SCALE, sub, suffix, "Scale");
        }
        if (sub.equals("status")) {
            return item(n, kind, sub, suffix, t.kind());
        }
        String path = n.item() + "/" + sub;
        if (sub.equals("log")) {
            ObjectNode text = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "string");
            return List.of(start(n, "get", path, n.itemParameters(), "read", suffix,
                    "read log of the specified " + t.kind()).parameters(params(Parameters.LOG, null))
                    .response("200", text, List.of(Media.TEXT)).errors("400", "404", "422")
                    .kubernetes("get", t.group(), t.version(), t.kind()).build());
        }
        if (sub.equals("eviction") || sub.equals("binding")) {
            String body = sub.equals("eviction") ? Components.EVICTION : Components.BINDING;
            String bodyKind = sub.equals("eviction") ? "Eviction" : "Binding";
            return List.of(start(n, "post", path, n.itemParameters(), "create", suffix,
                    "create " + sub + " of a " + t.kind()).parameters(params(Parameters.WRITE, null))
                    .body(body, Media.BODIES, true).responses(Components.STATUS, Media.OBJECT, "201")
                    .errors("400", "404", "409", "422")
                    .kubernetes("post", sub.equals("eviction") ? "policy" : "", "v1", bodyKind).build());
        }
        return List.of(start(n, "put", path, n.itemParameters(), "replace", suffix,
                "replace " + sub + " of the specified " + t.kind())
                .parameters(params(Parameters.WRITE, null)).body(kind, Media.BODIES, true)
                .responses(kind, Media.OBJECT, "200", "201").errors("400", "404", "409", "422")
                .kubernetes("put", t.group(), t.version(), t.kind()).build());
    }

    private static List<ApiOperation> watches(ResourceNames n, ObjectNode fieldSelector) {
        ResourceType t = n.type();
        List<ApiOperation> out = new ArrayList<>();
        if (t.namespaced()) {
            out.add(watch(n, n.watchAllNamespaces(), ResourceNames.prettyOnly(), "watch" + n.infix() + t.kind()
                    + "ListForAllNamespaces", "watch" + t.kind() + "ListForAllNamespaces", "watchlist", fieldSelector));
        }
        out.add(watch(n, n.watchCollection(), n.collectionParameters(), n.id("watch", "List"),
                n.shortId("watch", "List"), "watchlist", fieldSelector));
        out.add(watch(n, n.watchCollection() + "/{name}", n.itemParameters(), n.id("watch", ""),
                n.shortId("watch", ""), "watch", fieldSelector));
        return out;
    }

    private static ApiOperation watch(ResourceNames n, String path, List<ObjectNode> pathParams, String id,
                                      String shortId, String action, ObjectNode fieldSelector) {
        ResourceType t = n.type();
        String description = action.equals("watch")
                ? "watch changes to an object of kind " + t.kind() + ". deprecated: use the 'watch' parameter with a "
                + "list operation instead, filtered to a single item with the 'fieldSelector' parameter."
                : "watch individual changes to a list of " + t.kind() + ". deprecated: use the 'watch' parameter "
                + "with a list operation instead.";
        return OperationBuilder.of("get", path).document(n.document()).id(id, shortId).tag(n.tag())
                .description(description).pathParameters(pathParams)
                .parameters(params(Parameters.LIST, fieldSelector))
                .responses(Components.WATCH_EVENT, Media.WATCH, "200").errors("400", "406", "410")
                .kubernetes(action, t.group(), t.version(), t.kind()).build();
    }

    /** The named query parameters, with the kind's {@code fieldSelector} where one is listed. */
    private static List<ObjectNode> params(List<String> names, ObjectNode fieldSelector) {
        List<ObjectNode> out = new ArrayList<>();
        for (String name : names) {
            out.add(name.equals("fieldSelector") && fieldSelector != null ? fieldSelector.deepCopy()
                    : Parameters.query(name));
        }
        return out;
    }
}
