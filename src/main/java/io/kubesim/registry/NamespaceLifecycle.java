package io.kubesim.registry;

import io.kubesim.watch.CachedObject;

import io.fabric8.kubernetes.api.model.Namespace;
import io.kubesim.registry.codec.ObjectCodec;
import java.util.List;
import java.util.Set;

/**
 * The NamespaceLifecycle admission rules: no creates in a missing or terminating namespace, and the
 * system namespaces cannot be deleted.
 */
final class NamespaceLifecycle {

    static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");

    private final ReadPath reads;
    private final ResourceType namespaces;
    private final ObjectCodec codec;

    NamespaceLifecycle(ReadPath reads, ResourceType namespaces, ObjectCodec codec) {
        this.reads = reads;
        this.namespaces = namespaces;
        this.codec = codec;
    }

    /** Refuses a create in {@code namespace} unless it exists and is not terminating. */
    void admitCreate(ResourceType type, String namespace, String name) {
        if (!type.namespaced()) {
            return;
        }
        CachedObject ns = reads.current(namespaces, null, namespace);
        if (ns == null) {
            throw ApiException.notFound("", "namespaces", namespace);
        }
        if (isTerminating(ns.json())) {
            throw ApiException.with(StatusReason.FORBIDDEN, ApiException.qualified(type.plural(), type.group()) + " "
                            + io.kubesim.registry.validation.GoFormat.quote(name)
                            + " is forbidden: unable to create new content in namespace " + namespace
                            + " because it is being terminated")
                    .details(name, type.group(), type.plural())
                    .causes(List.of(new ApiException.Cause("NamespaceTerminating",
                            "namespace " + namespace + " is being terminated", "metadata.namespace")))
                    .build();
        }
    }

    /** Refuses deleting a system namespace. */
    void admitDelete(ResourceType type, String name) {
        if (type.equals(namespaces) && IMMORTAL.contains(name)) {
            throw ApiException.forbidden("", "namespaces", name, "this namespace may not be deleted");
        }
    }

    private boolean isTerminating(byte[] json) {
        Namespace ns = codec.decode(json, Namespace.class);
        return ns.getMetadata().getDeletionTimestamp() != null
                || ns.getStatus() != null && "Terminating".equals(ns.getStatus().getPhase());
    }
}
