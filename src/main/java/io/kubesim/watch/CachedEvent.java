package io.kubesim.watch;

import io.kubesim.storage.ChangeType;

/**
 * One change kept in a resource's event window.
 *
 * @param previous the state before the change (null for ADDED)
 */
record CachedEvent(ChangeType type, CachedObject object, CachedObject previous) {

    long revision() {
        return object.revision();
    }
}
