package io.kubesim.registry;

import io.kubesim.watch.CachedObject;

import io.fabric8.kubernetes.api.model.Namespace;
import io.kubesim.registry.codec.ObjectCodec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NamespaceLifecycle admission rules: no creates in a missing or terminating namespace, and the
 * system namespaces cannot be deleted.
 */
final class NamespaceLifecycle {

    static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");

    /** At most this many namespaces' verdicts are remembered; then they start over. */
    private static final int REMEMBERED = 4_096;

    private final ReadPath reads;
    private final ResourceType namespaces;
    private final ObjectCodec codec;
    /**
     * The last verdict per namespace with the stored document it was read from: valid while the watch cache holds
     * that same array (a write of the namespace replaces it), so a create does not decode its namespace each time.
     */
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

    private record Verdict(byte[] json, boolean terminating) {
    }

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
        if (isTerminating(namespace, ns.json())) {
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

    private boolean isTerminating(String namespace, byte[] json) {
        Verdict known = verdicts.get(namespace);
        if (known != null && known.json() == json) {
            return known.terminating();
        }
        Namespace ns = codec.decodeWithoutManagedFields(json, Namespace.class);
        boolean terminating = ns.getMetadata().getDeletionTimestamp() != null
                || ns.getStatus() != null && "Terminating".equals(ns.getStatus().getPhase());
        if (verdicts.size() >= REMEMBERED) {
            verdicts.clear();
        }
        verdicts.put(namespace, new Verdict(json, terminating));
        return terminating;
    }
}
