package io.kubesim.watch;

/** What a watcher receives, in revision order. */
public sealed interface WatchEvent {

    /** The object started to exist, or started to match the watcher's selectors. */
    record Added(CachedObject object) implements WatchEvent {
    }

    /** The object changed and still matches. */
    record Modified(CachedObject object) implements WatchEvent {
    }

    /** The object is gone, or stopped matching: its last state with the revision of the change. */
    record Deleted(CachedObject object) implements WatchEvent {
    }

    /**
     * Every event up to {@code revision} has been sent.
     *
     * @param initialEventsEnd whether this bookmark ends the initial burst ({@code k8s.io/initial-events-end})
     */
    record Bookmark(long revision, boolean initialEventsEnd) implements WatchEvent {
    }
}
