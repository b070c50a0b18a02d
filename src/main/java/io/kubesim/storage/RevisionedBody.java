package io.kubesim.storage;

/**
 * A document whose {@code metadata.resourceVersion} is only known when the store assigns the
 * revision. The store calls {@link #render(long)} exactly once, on its writer thread, so
 * implementations must be cheap (splice a number into prepared bytes).
 */
@FunctionalInterface
public interface RevisionedBody {

    /** The UTF-8 JSON body with {@code metadata.resourceVersion} set to {@code revision}. */
    byte[] render(long revision);
}
