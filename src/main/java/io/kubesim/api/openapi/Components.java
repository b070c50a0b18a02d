package io.kubesim.api.openapi;

import io.kubesim.patch.KubernetesPatchSchemas;
import io.kubesim.registry.ResourceCatalog;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every schema the API needs, derived once from the catalog: each served kind and its list (from the Java client's
 * models, with {@code x-kubernetes-group-version-kind} and the server's patch strategies), {@code Scale}, the
 * apimachinery types of the generic endpoints ({@code Status}, {@code DeleteOptions}, {@code WatchEvent}, the
 * discovery documents, {@code version.Info}) and the hand-written ones ({@link HandWrittenSchemas}).
 */
final class Components {

    static final String STATUS = DefinitionNames.META + "Status";
    static final String DELETE_OPTIONS = DefinitionNames.META + "DeleteOptions";
    static final String WATCH_EVENT = DefinitionNames.META + "WatchEvent";
    static final String API_RESOURCE_LIST = DefinitionNames.META + "APIResourceList";
    static final String API_GROUP = DefinitionNames.META + "APIGroup";
    static final String API_GROUP_LIST = DefinitionNames.META + "APIGroupList";
    static final String API_VERSIONS = DefinitionNames.META + "APIVersions";
    static final String VERSION_INFO = "io.k8s.apimachinery.pkg.version.Info";
    static final String DISCOVERY_V2 = "io.k8s.api.apidiscovery.v2.APIGroupDiscoveryList";
    static final String SCALE = "io.k8s.api.autoscaling.v1.Scale";
    static final String EVICTION = "io.k8s.api.policy.v1.Eviction";
    static final String BINDING = "io.k8s.api.core.v1.Binding";

    private static final List<String> META_ROOTS = List.of("Status", "DeleteOptions", "WatchEvent", "APIResourceList",
            "APIGroup", "APIGroupList", "APIVersions");

    private final Map<String, ObjectNode> schemas;
    private final Map<ResourceType, String> kinds;

    private Components(Map<String, ObjectNode> schemas, Map<ResourceType, String> kinds) {
        this.schemas = schemas;
        this.kinds = kinds;
    }

    /** Builds the schemas of every kind in the catalog. */
    static Components of(ResourceCatalog catalog) {
        List<ResourceType> types = catalog.all().stream().map(ResourceStrategy::type).toList();
        List<DefinitionNames.Anchor> anchors = anchors(types);
        ModelSchemas models = new ModelSchemas(new DefinitionNames(anchors));
        anchors.forEach(a -> models.define(a.type()));
        Map<ResourceType, String> kinds = new LinkedHashMap<>();
        for (ResourceType t : types) {
            kinds.put(t, models.define(ClientModels.requireKind(t.group(), t.version(), t.kind())));
        }
        markKinds(models, kinds, catalog.groupVersions());
        PatchExtensions patches = new PatchExtensions(models.schemas());
        kinds.forEach((t, definition) -> patches.apply(definition, KubernetesPatchSchemas.forKind(t.apiVersion(), t.kind())));
        patches.apply(SCALE, KubernetesPatchSchemas.forKind("autoscaling/v1", "Scale"));
        return new Components(models.schemas(), kinds);
    }

    /** The served kinds and their lists, then the other roots: Scale, discovery v2, the meta types, version.Info. */
    private static List<DefinitionNames.Anchor> anchors(List<ResourceType> types) {
        List<DefinitionNames.Anchor> anchors = new ArrayList<>();
        for (ResourceType t : types) {
            anchors.add(new DefinitionNames.Anchor(t.group(), ClientModels.requireKind(t.group(), t.version(), t.kind())));
            anchors.add(new DefinitionNames.Anchor(t.group(),
                    ClientModels.requireKind(t.group(), t.version(), t.listKind())));
        }
        anchors.add(new DefinitionNames.Anchor("autoscaling", ClientModels.requireKind("autoscaling", "v1", "Scale")));
        anchors.add(new DefinitionNames.Anchor("policy", ClientModels.requireKind("policy", "v1", "Eviction")));
        anchors.add(new DefinitionNames.Anchor("", ClientModels.requireKind("", "v1", "Binding")));
        anchors.add(new DefinitionNames.Anchor("apidiscovery.k8s.io",
                ClientModels.requireKind("apidiscovery.k8s.io", "v2", "APIGroupDiscoveryList")));
        for (String meta : META_ROOTS) {
            anchors.add(new DefinitionNames.Anchor("", ClientModels.requireKind("", "v1", meta)));
        }
        anchors.add(new DefinitionNames.Anchor("", versionInfo()));
        return anchors;
    }

    /**
     * {@code x-kubernetes-group-version-kind} on each kind and its list, on Scale, and on the meta types every
     * served group-version answers with (Status, DeleteOptions, WatchEvent).
     */
    private static void markKinds(ModelSchemas models, Map<ResourceType, String> kinds, List<String> groupVersions) {
        kinds.forEach((t, definition) -> {
            models.markKind(definition, t.group(), t.version(), t.kind());
            models.markKind(list(definition), t.group(), t.version(), t.listKind());
        });
        models.markKind(SCALE, "autoscaling", "v1", "Scale");
        models.markKind(EVICTION, "policy", "v1", "Eviction");
        models.markKind(BINDING, "", "v1", "Binding");
        for (String gv : groupVersions) {
            String group = gv.contains("/") ? gv.substring(0, gv.indexOf('/')) : "";
            String version = gv.substring(gv.indexOf('/') + 1);
            for (String meta : List.of("Status", "DeleteOptions", "WatchEvent")) {
                models.markKind(DefinitionNames.META + meta, group, version, meta);
            }
        }
    }

    private static Class<?> versionInfo() {
        try {
            return Class.forName(ClientModels.PACKAGE + "VersionInfo", false, Components.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The definition of a served kind: {@code io.k8s.api.core.v1.Pod}. */
    String kind(ResourceType t) {
        return kinds.get(t);
    }

    /** The definition of a kind's list: {@code io.k8s.api.core.v1.PodList}. */
    static String list(String kindDefinition) {
        return kindDefinition + "List";
    }

    /** One schema by definition name, or null. */
    ObjectNode schema(String definition) {
        return schemas.get(definition);
    }

    /** The schemas {@code roots} reference, directly or through other schemas, sorted by name (deep copies). */
    Map<String, ObjectNode> closure(Collection<String> roots) {
        Map<String, ObjectNode> out = new TreeMap<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            ObjectNode s = schemas.get(name);
            if (s == null) {
                throw new IllegalStateException("no schema " + name);
            }
            if (out.put(name, s.deepCopy()) == null) {
                refs(s, todo);
            }
        }
        return out;
    }

    /** Adds the definitions every {@code $ref} below {@code node} names. */
    static void refs(JsonNode node, Collection<String> into) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString() && ref.stringValue().startsWith(ModelSchemas.REF)) {
                into.add(ref.stringValue().substring(ModelSchemas.REF.length()));
            }
        }
        for (JsonNode child : node) {
            refs(child, into);
        }
    }
}
