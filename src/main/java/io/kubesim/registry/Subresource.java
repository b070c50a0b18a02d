package io.kubesim.registry;

/** Which part of an object a write targets. */
public enum Subresource {
    /** The object itself: status is kept from storage for kinds with a status subresource. */
    MAIN,
    /** {@code /status}: only status (and some metadata) is taken from the request. */
    STATUS,
    /** {@code /finalize}: a namespace's {@code spec.finalizers}. */
    FINALIZE,
    /** {@code /scale}: {@code spec.replicas} of the parent, under the main resource's update rules. */
    SCALE,
    /** A system write through a dedicated subresource ({@code binding}): no update rules of the kind apply. */
    SYSTEM;
}
