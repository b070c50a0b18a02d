package io.kubesim.registry;

/**
 * DeleteOptions, from the body or the query.
 *
 * @param gracePeriodSeconds null when not given
 * @param propagationPolicy  null, {@code Orphan}, {@code Background} or {@code Foreground}
 * @param orphanDependents   the deprecated flag, null when not given
 */
public record DeleteOptions(Long gracePeriodSeconds, String propagationPolicy, Boolean orphanDependents,
                            String preconditionUid, String preconditionResourceVersion, boolean dryRun) {

    public static DeleteOptions defaults() {
        return new DeleteOptions(null, null, null, null, null, false);
    }

    public static DeleteOptions background() {
        return new DeleteOptions(null, "Background", null, null, null, false);
    }

    public DeleteOptions withGracePeriod(long seconds) {
        return new DeleteOptions(seconds, propagationPolicy, orphanDependents, preconditionUid,
                preconditionResourceVersion, dryRun);
    }

    public DeleteOptions withUid(String uid) {
        return new DeleteOptions(gracePeriodSeconds, propagationPolicy, orphanDependents, uid,
                preconditionResourceVersion, dryRun);
    }
}
