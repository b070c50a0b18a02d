package io.kubesim.api;

import io.kubesim.registry.ResourceCatalog;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents, derived from the catalog: legacy ({@code APIVersions}, {@code APIGroupList},
 * {@code APIGroup}, {@code APIResourceList}) and aggregated ({@code apidiscovery.k8s.io/v2}).
 */
final class Discovery {

    static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    /** What a subresource answers with, and which verbs it serves. */
    record SubresourceKind(String group, String version, String kind, List<String> verbs) {
    }

    private final ResourceCatalog catalog;
    private final JsonMapper json = JsonMapper.builder().build();

    Discovery(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    static SubresourceKind subresource(ResourceType t, String name) {
        return switch (name) {
            case "status" -> new SubresourceKind(null, null, t.kind(), List.of("get", "patch", "update"));
            case "scale" -> new SubresourceKind("autoscaling", "v1", "Scale", List.of("get", "patch", "update"));
            case "binding" -> new SubresourceKind(null, null, "Binding", List.of("create"));
            case "eviction" -> new SubresourceKind("policy", "v1", "Eviction", List.of("create"));
            case "log" -> new SubresourceKind(null, null, "Pod", List.of("get"));
            case "finalize" -> new SubresourceKind(null, null, t.kind(), List.of("update"));
            default -> new SubresourceKind(null, null, t.kind(), List.of("get"));
        };
    }

    ObjectNode apiVersions(String serverAddress) {
        ObjectNode n = json.createObjectNode();
        n.put("kind", "APIVersions");
        n.putArray("versions").add("v1");
        ObjectNode cidr = n.putArray("serverAddressByClientCIDRs").addObject();
        cidr.put("clientCIDR", "0.0.0.0/0");
        cidr.put("serverAddress", serverAddress);
        return n;
    }

    private Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (ResourceStrategy<?> s : catalog.all()) {
            ResourceType t = s.type();
            if (!t.group().isEmpty()) {
                List<String> versions = groups.computeIfAbsent(t.group(), g -> new ArrayList<>());
                if (!versions.contains(t.version())) {
                    versions.add(t.version());
                }
            }
        }
        return groups;
    }

    ObjectNode groupList() {
        ObjectNode n = json.createObjectNode();
        n.put("kind", "APIGroupList");
        n.put("apiVersion", "v1");
        ArrayNode arr = n.putArray("groups");
        groups().forEach((g, versions) -> arr.add(groupBody(g, versions)));
        return n;
    }

    /** The APIGroup document, or null when the group is not served. */
    ObjectNode group(String group) {
        List<String> versions = groups().get(group);
        if (versions == null) {
            return null;
        }
        ObjectNode n = groupBody(group, versions);
        ObjectNode out = json.createObjectNode();
        out.put("kind", "APIGroup");
        out.put("apiVersion", "v1");
        out.setAll(n);
        return out;
    }

    private ObjectNode groupBody(String group, List<String> versions) {
        ObjectNode g = json.createObjectNode();
        g.put("name", group);
        ArrayNode vs = g.putArray("versions");
        for (String v : versions) {
            ObjectNode vn = vs.addObject();
            vn.put("groupVersion", group + "/" + v);
            vn.put("version", v);
        }
        ObjectNode preferred = g.putObject("preferredVersion");
        preferred.put("groupVersion", group + "/" + versions.get(0));
        preferred.put("version", versions.get(0));
        return g;
    }

    /** The APIResourceList of a group/version, or null when not served. */
    ObjectNode resourceList(String group, String version) {
        List<ResourceType> types = catalog.typesIn(group, version);
        if (types.isEmpty()) {
            return null;
        }
        ObjectNode n = json.createObjectNode();
        n.put("kind", "APIResourceList");
        if (!group.isEmpty()) {
            n.put("apiVersion", "v1");
        }
        n.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode arr = n.putArray("resources");
        for (ResourceType t : sorted(types)) {
            ObjectNode r = arr.addObject();
            r.put("name", t.plural());
            r.put("singularName", t.singular());
            r.put("namespaced", t.namespaced());
            r.put("kind", t.kind());
            strings(r.putArray("verbs"), VERBS);
            if (!t.shortNames().isEmpty()) {
                strings(r.putArray("shortNames"), t.shortNames());
            }
            if (!t.categories().isEmpty()) {
                strings(r.putArray("categories"), t.categories());
            }
            for (String sub : sortedSubresources(t)) {
                SubresourceKind k = subresource(t, sub);
                ObjectNode sr = arr.addObject();
                sr.put("name", t.plural() + "/" + sub);
                sr.put("singularName", "");
                sr.put("namespaced", t.namespaced());
                if (k.group() != null) {
                    sr.put("group", k.group());
                    sr.put("version", k.version());
                }
                sr.put("kind", k.kind());
                strings(sr.putArray("verbs"), k.verbs());
            }
        }
        return n;
    }

    /** The aggregated discovery document of {@code /api} (core) or {@code /apis}. */
    ObjectNode aggregated(boolean core) {
        ObjectNode n = json.createObjectNode();
        n.put("kind", "APIGroupDiscoveryList");
        n.put("apiVersion", "apidiscovery.k8s.io/v2");
        n.putObject("metadata");
        ArrayNode items = n.putArray("items");
        if (core) {
            items.add(aggregatedGroup("", List.of("v1")));
        } else {
            groups().forEach((g, versions) -> items.add(aggregatedGroup(g, versions)));
        }
        return n;
    }

    private ObjectNode aggregatedGroup(String group, List<String> versions) {
        ObjectNode g = json.createObjectNode();
        ObjectNode meta = g.putObject("metadata");
        if (!group.isEmpty()) {
            meta.put("name", group);
        }
        ArrayNode vs = g.putArray("versions");
        for (String v : versions) {
            ObjectNode vn = vs.addObject();
            vn.put("version", v);
            ArrayNode resources = vn.putArray("resources");
            for (ResourceType t : sorted(catalog.typesIn(group, v))) {
                resources.add(aggregatedResource(t));
            }
            vn.put("freshness", "Current");
        }
        return g;
    }

    private ObjectNode aggregatedResource(ResourceType t) {
        ObjectNode r = json.createObjectNode();
        r.put("resource", t.plural());
        ObjectNode rk = r.putObject("responseKind");
        rk.put("group", t.group());
        rk.put("version", t.version());
        rk.put("kind", t.kind());
        r.put("scope", t.namespaced() ? "Namespaced" : "Cluster");
        r.put("singularResource", t.singular());
        strings(r.putArray("verbs"), VERBS);
        if (!t.shortNames().isEmpty()) {
            strings(r.putArray("shortNames"), t.shortNames());
        }
        if (!t.categories().isEmpty()) {
            strings(r.putArray("categories"), t.categories());
        }
        List<String> subs = sortedSubresources(t);
        if (!subs.isEmpty()) {
            ArrayNode arr = r.putArray("subresources");
            for (String sub : subs) {
                SubresourceKind k = subresource(t, sub);
                ObjectNode sn = arr.addObject();
                sn.put("subresource", sub);
                ObjectNode sk = sn.putObject("responseKind");
                sk.put("group", k.group() == null ? t.group() : k.group());
                sk.put("version", k.version() == null ? t.version() : k.version());
                sk.put("kind", k.kind());
                strings(sn.putArray("verbs"), k.verbs());
            }
        }
        return r;
    }

    private static List<ResourceType> sorted(List<ResourceType> types) {
        List<ResourceType> out = new ArrayList<>(types);
        out.sort((a, b) -> a.plural().compareTo(b.plural()));
        return out;
    }

    private static List<String> sortedSubresources(ResourceType t) {
        List<String> subs = new ArrayList<>(t.subresources());
        subs.sort(null);
        return subs;
    }

    private static void strings(ArrayNode arr, List<String> values) {
        values.forEach(arr::add);
    }
}
