package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every served kind, registered once with its strategy. Discovery, OpenAPI, the HTTP endpoint and
 * the watch cache are all derived from this catalog.
 */
public final class ResourceCatalog {

    private final Map<String, ResourceStrategy<?>> byPath = new LinkedHashMap<>();
    private final Map<String, ResourceStrategy<?>> byKind = new LinkedHashMap<>();
    private final Map<Class<?>, ResourceStrategy<?>> byClass = new LinkedHashMap<>();

    /** Registers a kind. Adding a kind is one strategy class plus one call to this method. */
    public ResourceCatalog register(ResourceStrategy<?> strategy) {
        ResourceType t = strategy.type();
        String path = path(t.group(), t.version(), t.plural());
        if (byPath.putIfAbsent(path, strategy) != null) {
            throw new IllegalStateException("registered twice: " + path);
        }
        byKind.put(t.apiVersion() + "/" + t.kind(), strategy);
        byClass.put(t.javaType(), strategy);
        return this;
    }

    private static String path(String group, String version, String plural) {
        return group + "/" + version + "/" + plural;
    }

    /** The kind served at {@code group/version/plural}. */
    public Optional<ResourceStrategy<?>> find(String group, String version, String plural) {
        return Optional.ofNullable(byPath.get(path(group, version, plural)));
    }

    /** The kind with this apiVersion and kind. */
    public Optional<ResourceStrategy<?>> findKind(String apiVersion, String kind) {
        return Optional.ofNullable(byKind.get(apiVersion + "/" + kind));
    }

    /** The strategy of a typed class. */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> ResourceStrategy<T> strategy(Class<T> type) {
        ResourceStrategy<?> s = byClass.get(type);
        if (s == null) {
            throw new IllegalArgumentException("not a served kind: " + type.getName());
        }
        return (ResourceStrategy<T>) s;
    }

    public Collection<ResourceStrategy<?>> all() {
        return byPath.values();
    }

    /** The served group/versions in registration order, core ({@code ""}) first. */
    public List<String> groupVersions() {
        List<String> out = new ArrayList<>();
        for (ResourceStrategy<?> s : byPath.values()) {
            String gv = s.type().apiVersion();
            if (!out.contains(gv)) {
                out.add(gv);
            }
        }
        out.sort((a, b) -> Boolean.compare(a.contains("/"), b.contains("/")));
        return out;
    }

    /** The kinds served in one group/version. */
    public List<ResourceType> typesIn(String group, String version) {
        return byPath.values().stream().map(ResourceStrategy::type)
                .filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
    }

    /** Whether a group/version is served at all. */
    public boolean serves(String group, String version) {
        return byPath.values().stream().anyMatch(s -> s.type().group().equals(group) && s.type().version().equals(version));
    }
}
