package io.kubesim.watch;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded ring of the most recent events of one resource, in revision order. A watch or list
 * from revision {@code N} can be served iff every event after {@code N} is still here, i.e.
 * {@code N >= oldestServable()}. Not thread-safe: the owning {@link ResourceCache} guards it.
 */
final class EventWindow {

    private final CachedEvent[] ring;
    private final long startRevision;
    private int start;
    private int size;
    private boolean evicted;

    /**
     * @param capacity      most events kept
     * @param startRevision the revision the cache was built at: nothing before it can be replayed
     */
    EventWindow(int capacity, long startRevision) {
        this.ring = new CachedEvent[Math.max(1, capacity)];
        this.startRevision = startRevision;
    }

    void append(CachedEvent event) {
        if (size == ring.length) {
            ring[start] = null;
            start = (start + 1) % ring.length;
            size--;
            evicted = true;
        }
        ring[(start + size) % ring.length] = event;
        size++;
    }

    /**
     * The smallest revision a client may resume from: once events were evicted, the revision just
     * before the oldest kept event; before that, the revision the cache was built at
     * (apimachinery's {@code oldest-1}).
     */
    long oldestServable() {
        return evicted ? ring[start].revision() - 1 : startRevision;
    }

    /** Events with revision strictly greater than {@code revision}, oldest first. */
    List<CachedEvent> after(long revision) {
        List<CachedEvent> out = new ArrayList<>();
        int lo = firstAfter(revision);
        for (int k = lo; k < size; k++) {
            out.add(ring[(start + k) % ring.length]);
        }
        return out;
    }

    /** Index (0..size) of the first event with revision greater than {@code revision} (binary search). */
    private int firstAfter(long revision) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ring[(start + mid) % ring.length].revision() <= revision) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int size() {
        return size;
    }

    int capacity() {
        return ring.length;
    }
}
