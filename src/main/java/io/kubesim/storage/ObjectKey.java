package io.kubesim.storage;

/** Keys of objects within one resource, ordered like etcd keys (namespace, then name). */
public final class ObjectKey {

    private ObjectKey() {
    }

    /** {@code namespace/name}, or {@code name} for cluster-scoped objects (empty namespace). */
    public static String of(String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
