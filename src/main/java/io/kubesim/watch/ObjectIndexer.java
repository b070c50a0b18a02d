package io.kubesim.watch;

import io.kubesim.storage.StoredObject;

/**
 * Turns a stored document into a {@link CachedObject} (labels and selectable fields extracted).
 * Provided by the registry, which knows the kinds.
 */
@FunctionalInterface
public interface ObjectIndexer {

    /**
     * @param attachment what the writer attached to the write (may carry precomputed labels and
     *                   fields), or null when loading from the database
     */
    CachedObject index(StoredObject stored, Object attachment);
}
