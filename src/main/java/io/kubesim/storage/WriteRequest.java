package io.kubesim.storage;

/**
 * One write. Creates require that the key does not exist; updates and deletes require that the
 * stored revision equals {@code expectedRevision} (optimistic concurrency).
 *
 * @param body       for {@link Operation#DELETE}, the last state to record in the log (rendered with the delete's revision)
 * @param attachment passed through untouched to the {@link CommittedChange}
 */
public record WriteRequest(Operation operation, String resource, String namespace, String name, String uid,
                           long expectedRevision, RevisionedBody body, Object attachment) {

    /** The three ways a write can touch a key. */
    public enum Operation {
        CREATE, UPDATE, DELETE
    }

    public String key() {
        return ObjectKey.of(namespace, name);
    }

    public static WriteRequest create(String resource, String namespace, String name, String uid,
                                      RevisionedBody body, Object attachment) {
        return new WriteRequest(Operation.CREATE, resource, namespace, name, uid, 0, body, attachment);
    }

    public static WriteRequest update(String resource, String namespace, String name, String uid, long expected,
                                      RevisionedBody body, Object attachment) {
        return new WriteRequest(Operation.UPDATE, resource, namespace, name, uid, expected, body, attachment);
    }

    public static WriteRequest delete(String resource, String namespace, String name, String uid, long expected,
                                      RevisionedBody body, Object attachment) {
        return new WriteRequest(Operation.DELETE, resource, namespace, name, uid, expected, body, attachment);
    }
}
