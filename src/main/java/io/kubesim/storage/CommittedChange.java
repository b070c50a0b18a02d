package io.kubesim.storage;

/**
 * A write that is durable. For {@link ChangeType#DELETED}, {@code object} is the last state, rendered
 * with the delete's revision.
 *
 * @param attachment whatever the writer passed along in its {@link WriteRequest} (never interpreted here)
 */
public record CommittedChange(long revision, ChangeType type, StoredObject object, Object attachment) {
}
