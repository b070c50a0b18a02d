package io.kubesim.storage;

/**
 * One stored document: the object's identity, the revision of its last write and its JSON body
 * (UTF-8, with {@code metadata.resourceVersion} equal to {@code revision}).
 *
 * @param namespace empty for cluster-scoped kinds
 */
public record StoredObject(String resource, String namespace, String name, String uid, long revision, byte[] body) {

    /** The key of this object within its resource: {@code namespace/name}, or {@code name} when cluster-scoped. */
    public String key() {
        return ObjectKey.of(namespace, name);
    }
}
