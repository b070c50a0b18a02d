package io.kubesim.storage;

import java.util.List;
import java.util.function.Consumer;

/**
 * Documents plus optimistic concurrency over a revision log. Every successful write gets the next
 * global revision and is durable when its method returns.
 */
public interface ObjectStore {

    /**
     * Writes one document and waits until it is durable and published to the listeners.
     *
     * @throws StorageException when refused (exists, missing, conflict) or when the database fails
     */
    CommittedChange write(WriteRequest request);

    /**
     * Writes several independent documents; each succeeds or fails on its own. The result has one
     * entry per request, in order: the {@link CommittedChange} or the {@link StorageException}.
     */
    List<Object> writeAll(List<WriteRequest> requests);

    /** Streams every current object to {@code sink} and returns the revision the stream was read at. */
    long loadAll(Consumer<StoredObject> sink);

    /** The last committed revision. */
    long currentRevision();

    /** Registers a listener of the committed-change stream. */
    void addListener(ChangeListener listener);

    /** Deletes revision-log rows up to and including {@code revision}; returns how many went. */
    int compact(long revision);

    /** The revision up to which the log has been compacted. */
    long compactedRevision();
}
