package io.kubesim.controller;

import java.time.Duration;

/**
 * A controller's decision function: bring the object named by {@code key} (namespace/name) to its
 * desired state. Runs on a worker of the controller's loop; the same key never runs twice at once.
 * Throwing requeues the key with back-off.
 */
@FunctionalInterface
public interface Reconciler {

    /** What to do with the key afterwards. */
    record Result(Duration requeueAfter) {
        public static final Result DONE = new Result(null);

        public static Result after(Duration d) {
            return new Result(d);
        }
    }

    Result reconcile(String key) throws Exception;
}
