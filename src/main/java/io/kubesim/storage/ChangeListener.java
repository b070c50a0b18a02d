package io.kubesim.storage;

import java.util.List;

/**
 * Receives the committed-change stream: every durable write exactly once, in revision order, before
 * the writer is acknowledged. Called on the store's single writer thread; implementations must not
 * block and must not write to the store.
 */
@FunctionalInterface
public interface ChangeListener {

    /** One committed batch, in revision order. */
    void onCommitted(List<CommittedChange> changes);
}
