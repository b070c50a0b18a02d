package io.kubesim.registry;

import io.kubesim.watch.Subscription;
import io.kubesim.watch.WatchEvent;

import java.nio.charset.StandardCharsets;

/**
 * A watch as the API layer sees it: poll events (already rendered as objects), be told when more
 * are available, close. A watch that failed to start yields one ERROR event and ends.
 */
public final class ApiWatch implements AutoCloseable {

    /**
     * One event: {@code type} is ADDED, MODIFIED, DELETED, BOOKMARK or ERROR; {@code committedAt} is the
     * {@link System#nanoTime()} at which a live change was committed, 0 for every other event (initial and replayed
     * events, bookmarks, errors).
     */
    public record Event(String type, ApiObject object, ApiException error, long committedAt) {

        public Event(String type, ApiObject object, ApiException error) {
            this(type, object, error, 0);
        }

        /** Whether this event carries a live change (and so a commit time). */
        public boolean live() {
            return committedAt != 0;
        }
    }

    private final ResourceType type;
    private final Subscription subscription;
    private ApiException failure;

    ApiWatch(ResourceType type, Subscription subscription) {
        this.type = type;
        this.subscription = subscription;
    }

    static ApiWatch failed(ResourceType type, ApiException error) {
        ApiWatch w = new ApiWatch(type, null);
        w.failure = error;
        return w;
    }

    public ResourceType type() {
        return type;
    }

    /** The next event, or null when none is ready (see {@link #isClosed()}). */
    public synchronized Event poll() {
        if (subscription == null) {
            if (failure != null) {
                Event e = new Event("ERROR", null, failure);
                failure = null;
                return e;
            }
            return null;
        }
        WatchEvent e = subscription.poll();
        if (e == null) {
            return null;
        }
        long committedAt = subscription.polledCommittedAt();
        if (e instanceof WatchEvent.Added a) {
            return new Event("ADDED", ReadPath.apiObject(a.object()), null, committedAt);
        }
        if (e instanceof WatchEvent.Modified m) {
            return new Event("MODIFIED", ReadPath.apiObject(m.object()), null, committedAt);
        }
        if (e instanceof WatchEvent.Deleted d) {
            return new Event("DELETED", ReadPath.apiObject(d.object()), null, committedAt);
        }
        WatchEvent.Bookmark b = (WatchEvent.Bookmark) e;
        return new Event("BOOKMARK", bookmark(b.revision(), b.initialEventsEnd()), null);
    }

    private ApiObject bookmark(long revision, boolean initialEventsEnd) {
        String json = "{\"kind\":\"" + type.kind() + "\",\"apiVersion\":\"" + type.apiVersion()
                + "\",\"metadata\":{\"resourceVersion\":\"" + revision + "\""
                + (initialEventsEnd ? ",\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}" : "") + "}}";
        return new ApiObject(json.getBytes(StandardCharsets.UTF_8), 1, "", "", "", revision);
    }

    /** Runs {@code callback} (on a writer thread: it must only schedule work) whenever events arrive or the watch ends. */
    public void onAvailable(Runnable callback) {
        if (subscription == null) {
            callback.run();
        } else {
            subscription.onAvailable(callback);
        }
    }

    /** Whether the watch has ended (no more events will come once the queue is drained). */
    public boolean isClosed() {
        return subscription == null ? failure == null : subscription.isClosed();
    }

    /** Whether the watch ended because the consumer was too slow. */
    public boolean overflowed() {
        return subscription != null && subscription.closeReason() == Subscription.CloseReason.OVERFLOW;
    }

    /** Queues a bookmark at the current revision (sent only to watchers that allow bookmarks). */
    public void requestBookmark() {
        if (subscription != null && subscription.bookmarks()) {
            subscription.requestBookmark();
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }

}
