package io.kubesim.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.registry.ApiException;
import io.kubesim.registry.ApiList;
import io.kubesim.registry.ApiObject;
import io.kubesim.registry.DeleteOptions;
import io.kubesim.registry.ListOptions;
import io.kubesim.registry.ResourceRegistry;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.Subresource;
import io.kubesim.registry.WriteOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The in-process client of controllers and the simulated cluster. Every call goes through the same
 * registry path as an HTTP request (defaults, validation, admission, optimistic concurrency,
 * watch events); failures arrive as {@link ClientException}s with the API's code and reason.
 */
public final class ResourceClient {

    private final ResourceRegistry registry;
    private final String manager;

    public ResourceClient(ResourceRegistry registry, String manager) {
        this.registry = registry;
        this.manager = manager;
    }

    /** A client writing under another field manager name (e.g. {@code kubelet}). */
    public ResourceClient as(String otherManager) {
        return new ResourceClient(registry, otherManager);
    }

    ResourceRegistry registry() {
        return registry;
    }

    private WriteOptions options() {
        return WriteOptions.manager(manager);
    }

    static ClientException translate(ApiException e) {
        return new ClientException(e.code(), e.reason().wire(), e.getMessage());
    }

    private <T extends HasMetadata> ResourceStrategy<T> strategy(Class<T> type) {
        return registry.catalog().strategy(type);
    }

    public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
        try {
            ResourceStrategy<T> s = strategy(type);
            return Optional.of(registry.decode(registry.get(s, namespace, name), s));
        } catch (ApiException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw translate(e);
        }
    }

    /** Lists one namespace (null = all) with an optional label selector. */
    public <T extends HasMetadata> List<T> list(Class<T> type, String namespace, String labelSelector) {
        try {
            ResourceStrategy<T> s = strategy(type);
            ApiList list = registry.list(s, namespace, ListOptions.labels(labelSelector));
            List<T> out = new ArrayList<>(list.items().size());
            for (ApiObject o : list.items()) {
                out.add(registry.decode(o, s));
            }
            return out;
        } catch (ApiException e) {
            throw translate(e);
        }
    }

    /**
     * Lists every namespace in pages of {@code pageSize}, handing each decoded page to {@code page}: memory stays
     * bounded however many objects there are. Each page after the first is read at the latest revision from where
     * the previous one stopped (not one consistent snapshot: a sweep may change what it walks, and a snapshot
     * would expire from the watch window under load).
     */
    public <T extends HasMetadata> void forEachPage(Class<T> type, int pageSize, Consumer<List<T>> page) {
        try {
            ResourceStrategy<T> s = strategy(type);
            String token = null;
            do {
                ApiList list = registry.list(s, null, new ListOptions(null, null, null, null, (long) pageSize, token,
                        false, false, null, null));
                List<T> out = new ArrayList<>(list.items().size());
                for (ApiObject o : list.items()) {
                    out.add(registry.decode(o, s));
                }
                page.accept(out);
                token = ResourceRegistry.continueAtLatest(list.continueToken());
            } while (token != null && !token.isEmpty());
        } catch (ApiException e) {
            throw translate(e);
        }
    }

    public <T extends HasMetadata> T create(T object) {
        try {
            return registry.create(object, options());
        } catch (ApiException e) {
            throw translate(e);
        }
    }

    /** Replaces an object (conditional on its resourceVersion when set). */
    public <T extends HasMetadata> T update(T object) {
        try {
            return registry.update(object, Subresource.MAIN, options());
        } catch (ApiException e) {
            throw translate(e);
        }
    }

    /** Replaces an object's status (conditional on its resourceVersion when set). */
    public <T extends HasMetadata> T updateStatus(T object) {
        try {
            return registry.update(object, Subresource.STATUS, options());
        } catch (ApiException e) {
            throw translate(e);
        }
    }

    /** Read-modify-write of the main resource, retried on conflicts; {@code change} may return null to skip. */
    public <T extends HasMetadata> T edit(Class<T> type, String namespace, String name, UnaryOperator<T> change) {
        try {
            return registry.mutate(type, namespace, name, Subresource.MAIN, change, options());
        } catch (ApiException e) {
            throw translate(e);
        }
    }

    /** Read-modify-write of the status, retried on conflicts; {@code change} may return null to skip. */
    public <T extends HasMetadata> T editStatus(Class<T> type, String namespace, String name, UnaryOperator<T> change) {
        try {
            return registry.mutate(type, namespace, name, Subresource.STATUS, change, options());
        } catch (ApiException e) {
            throw translate(e);
        }
    }

    /** Deletes; returns false when the object was already gone. */
    public boolean delete(Class<? extends HasMetadata> type, String namespace, String name, Deletion d) {
        try {
            registry.delete(type, namespace, name, new DeleteOptions(d.gracePeriodSeconds(), d.propagationPolicy(),
                    null, d.uid(), null, false));
            return true;
        } catch (ApiException e) {
            if (e.code() == 404) {
                return false;
            }
            throw translate(e);
        }
    }

    /** Binds a pod to a node through {@code pods/binding}. */
    public void bind(String namespace, String pod, String uid, String node) {
        try {
            registry.bind(namespace, pod, node, uid, Map.of(), options());
        } catch (ApiException e) {
            throw translate(e);
        }
    }

    /** Removes one entry of a namespace's {@code spec.finalizers} through {@code /finalize}. */
    public void finalizeNamespace(String name, String finalizer) {
        try {
            registry.mutate(io.fabric8.kubernetes.api.model.Namespace.class, null, name, Subresource.FINALIZE, ns -> {
                List<String> f = ns.getSpec() == null || ns.getSpec().getFinalizers() == null ? List.of()
                        : ns.getSpec().getFinalizers();
                if (!f.contains(finalizer)) {
                    return null;
                }
                List<String> rest = new ArrayList<>(f);
                rest.remove(finalizer);
                ns.getSpec().setFinalizers(rest);
                return ns;
            }, options());
        } catch (ApiException e) {
            throw translate(e);
        }
    }

    /** The typed class of a served kind, by apiVersion and kind. */
    public Optional<Class<? extends HasMetadata>> kindClass(String apiVersion, String kind) {
        return registry.catalog().findKind(apiVersion, kind).map(s -> s.type().javaType());
    }

    /** Every served kind: its class and whether it is namespaced. */
    public List<Map.Entry<Class<? extends HasMetadata>, Boolean>> kinds() {
        List<Map.Entry<Class<? extends HasMetadata>, Boolean>> out = new ArrayList<>();
        for (var s : registry.catalog().all()) {
            out.add(Map.entry(s.type().javaType(), s.type().namespaced()));
        }
        return out;
    }

    /** The plural resource name of a kind (for messages such as {@code pods}). */
    public String plural(Class<? extends HasMetadata> type) {
        return registry.catalog().strategy(type).type().plural();
    }

    /** The revision every change up to which is visible. */
    public long revision() {
        return registry.revision();
    }
}
