package io.kubesim.watch;

import io.kubesim.selection.SelectionPredicate;

/**
 * Where and what a watch starts with.
 *
 * @param namespace        null for all namespaces
 * @param start            what the watcher receives first
 * @param revision         for {@link Start#AFTER_REVISION}: only events strictly after it
 * @param initialEventsEnd whether to end the initial burst with the {@code k8s.io/initial-events-end} bookmark
 * @param bookmarks        whether periodic bookmarks are wanted
 * @param capacity         most live events queued before the watcher is cut
 */
public record WatchQuery(String namespace, SelectionPredicate predicate, Start start, long revision,
                         boolean initialEventsEnd, boolean bookmarks, int capacity) {

    /** The three start points of a watch. */
    public enum Start {
        /** Synthetic ADDED for every current matching object, then changes. */
        INITIAL_STATE,
        /** Every change after {@code revision} (replayed from the window), then live ones. */
        AFTER_REVISION,
        /** Only changes from now on. */
        NOW
    }
}
