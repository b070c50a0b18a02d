package io.kubesim.watch;

import io.kubesim.selection.SelectionPredicate;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * One watcher of one resource: the initial events, then a bounded queue of live events filled by
 * the writer. The consumer polls; {@link #onAvailable(Runnable)} tells it when to poll again. When
 * the queue overflows the subscription closes itself: a slow consumer never holds up writers.
 */
public final class Subscription implements AutoCloseable {

    /** Why a subscription ended. */
    public enum CloseReason {
        /** The consumer closed it. */
        CLOSED,
        /** The consumer fell too far behind and its queue filled up. */
        OVERFLOW
    }

    private final ResourceCache cache;
    private final String namespace;
    private final SelectionPredicate predicate;
    private final boolean bookmarks;
    private final long minRevision;
    private final int capacity;
    /** The commit time of an event that is not a live change: initial and replayed events, bookmarks. */
    static final long NOT_LIVE = 0;

    /** A queued event and the {@link System#nanoTime()} of its commit ({@link #NOT_LIVE} when not a live change). */
    private record Queued(WatchEvent event, long committedAt) {
    }

    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private long polledCommittedAt = NOT_LIVE;
    private Iterator<CachedObject> initial;
    private WatchEvent initialEnd;
    private volatile CloseReason closeReason;
    private volatile Runnable listener;

    Subscription(ResourceCache cache, String namespace, SelectionPredicate predicate, boolean bookmarks,
                 long minRevision, int capacity) {
        this.cache = cache;
        this.namespace = namespace;
        this.predicate = predicate == null ? SelectionPredicate.everything() : predicate;
        this.bookmarks = bookmarks;
        this.minRevision = minRevision;
        this.capacity = Math.max(1, capacity);
    }

    /** Sets the synthetic ADDED objects sent first, and the bookmark (or null) that ends them. */
    synchronized void setInitial(List<CachedObject> objects, WatchEvent end) {
        this.initial = objects.iterator();
        this.initialEnd = end;
    }

    /** Enqueues replayed events without the capacity check (called once, before going live). */
    synchronized void replay(List<WatchEvent> events) {
        for (WatchEvent e : events) {
            queue.add(new Queued(e, NOT_LIVE));
        }
    }

    /** The next event, or null when none is ready (or the subscription is closed). */
    public synchronized WatchEvent poll() {
        polledCommittedAt = NOT_LIVE;
        if (closeReason != null) {
            return null;
        }
        if (initial != null) {
            if (initial.hasNext()) {
                return new WatchEvent.Added(initial.next());
            }
            initial = null;
            if (initialEnd != null) {
                WatchEvent end = initialEnd;
                initialEnd = null;
                return end;
            }
        }
        Queued q = queue.poll();
        if (q == null) {
            return null;
        }
        polledCommittedAt = q.committedAt();
        return q.event();
    }

    /**
     * The {@link System#nanoTime()} at which the change of the event last returned by {@link #poll()} was committed,
     * or {@link #NOT_LIVE} (0) when that event was not a live change (an initial or replayed event, a bookmark).
     */
    public synchronized long polledCommittedAt() {
        return polledCommittedAt;
    }

    /**
     * Registers the callback run when events become available or the subscription closes. It runs
     * on the writer's thread and must only schedule work. It is run once at registration.
     */
    public void onAvailable(Runnable callback) {
        this.listener = callback;
        callback.run();
    }

    /** Whether the subscription ended, and why (null while open). */
    public CloseReason closeReason() {
        return closeReason;
    }

    public boolean isClosed() {
        return closeReason != null;
    }

    /** Whether this watcher asked for bookmarks. */
    public boolean bookmarks() {
        return bookmarks;
    }

    /** Asks for a bookmark at the cache's current revision (sent after every event already queued). */
    public void requestBookmark() {
        cache.bookmark(this);
    }

    @Override
    public void close() {
        end(CloseReason.CLOSED);
        cache.unsubscribe(this);
    }

    /**
     * Delivers a live event (writer thread, under the cache lock); closes on overflow. {@code committedAt} is the
     * {@link System#nanoTime()} of the change's commit, or {@link #NOT_LIVE}.
     */
    void offer(WatchEvent event, long committedAt) {
        boolean notify;
        synchronized (this) {
            if (closeReason != null) {
                return;
            }
            if (queue.size() >= capacity) {
                closeReason = CloseReason.OVERFLOW;
                queue.clear();
                initial = null;
                notify = true;
            } else {
                notify = queue.isEmpty();
                queue.add(new Queued(event, committedAt));
            }
        }
        if (notify) {
            signal();
        }
    }

    private void end(CloseReason reason) {
        synchronized (this) {
            if (closeReason != null) {
                return;
            }
            closeReason = reason;
            queue.clear();
            initial = null;
        }
        signal();
    }

    private void signal() {
        Runnable l = listener;
        if (l != null) {
            l.run();
        }
    }

    boolean inNamespace(CachedObject o) {
        return namespace == null || namespace.equals(o.namespace());
    }

    boolean matches(CachedObject o) {
        return o != null && inNamespace(o) && (predicate.isEverything() || cache.matches(predicate, o));
    }

    long minRevision() {
        return minRevision;
    }

    /** How many live events are waiting (for metrics and tests). */
    public synchronized int backlog() {
        return queue.size();
    }
}
