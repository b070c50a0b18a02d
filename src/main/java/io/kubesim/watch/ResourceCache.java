package io.kubesim.watch;

import io.kubesim.selection.SelectionPredicate;
import io.kubesim.storage.ChangeType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;

/**
 * The watch cache of one resource: current objects in key order, the event window, and the
 * watchers. The store's writer applies changes under the write lock (and fans them out there, so a
 * new watcher's replay and its live events never overlap or leave a gap); lists hold the read lock
 * only while collecting references.
 */
public final class ResourceCache {

    private static final CachedObject ABSENT = new CachedObject("", "\u0000absent", "", 0, new byte[0], null, null);

    private final ResourceDescriptor descriptor;
    private final Map<String, Integer> fieldIndex = new HashMap<>();
    private final ConcurrentSkipListMap<String, CachedObject> objects = new ConcurrentSkipListMap<>();
    private final EventWindow window;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Subscription> subscribers = new ArrayList<>();
    private final LongSupplier globalRevision;
    private final boolean compress;
    private JsonCompression compression;
    private volatile long lastApplied;

    ResourceCache(ResourceDescriptor descriptor, int windowCapacity, long startRevision, LongSupplier globalRevision) {
        this(descriptor, windowCapacity, startRevision, globalRevision, false);
    }

    /**
     * @param compress keep documents deflated (for resources with many objects that are rarely read, such as Events):
     *                 less memory, and an inflate on every read
     */
    ResourceCache(ResourceDescriptor descriptor, int windowCapacity, long startRevision, LongSupplier globalRevision,
                  boolean compress) {
        this.descriptor = descriptor;
        this.compress = compress;
        for (int i = 0; i < descriptor.fieldNames().size(); i++) {
            fieldIndex.put(descriptor.fieldNames().get(i), i);
        }
        this.window = new EventWindow(windowCapacity, startRevision);
        this.globalRevision = globalRevision;
        this.lastApplied = startRevision;
    }

    public ResourceDescriptor descriptor() {
        return descriptor;
    }

    public List<String> fieldNames() {
        return descriptor.fieldNames();
    }

    /** Loads an object at startup (before any change is applied). */
    void load(CachedObject object) {
        objects.put(object.key(), kept(object));
    }

    /** The form in which the cache keeps {@code object}; the first object kept also makes the dictionary. */
    private CachedObject kept(CachedObject object) {
        if (!compress) {
            return object;
        }
        synchronized (this) {
            if (compression == null) {
                compression = new JsonCompression(object.json());
            }
        }
        return object.compressed(compression);
    }

    /**
     * Applies one committed change and fans it out to the watchers (writer thread); {@code committedAt} is the
     * {@link System#nanoTime()} of its commit, carried to the watchers for the delivery latency.
     */
    void apply(ChangeType type, CachedObject object, long committedAt) {
        lock.writeLock().lock();
        try {
            CachedObject previous = objects.get(object.key());
            CachedObject kept = kept(object);
            if (type == ChangeType.DELETED) {
                objects.remove(object.key());
            } else {
                objects.put(object.key(), kept);
            }
            // the window keeps the compact form; live watchers get the document as written (no inflate per watcher)
            window.append(new CachedEvent(type, kept, previous));
            CachedEvent event = new CachedEvent(type, object, previous);
            lastApplied = object.revision();
            for (Subscription s : subscribers) {
                WatchEvent e = translate(event, s);
                if (e != null) {
                    s.offer(e, committedAt);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The event a watcher sees for a change: enter = ADDED, leave = DELETED, or nothing. */
    private static WatchEvent translate(CachedEvent event, Subscription s) {
        if (event.revision() <= s.minRevision()) {
            return null;
        }
        boolean now = s.matches(event.object());
        return switch (event.type()) {
            case ADDED -> now ? new WatchEvent.Added(event.object()) : null;
            case DELETED -> now ? new WatchEvent.Deleted(event.object()) : null;
            case MODIFIED -> {
                boolean before = s.matches(event.previous());
                if (now && before) {
                    yield new WatchEvent.Modified(event.object());
                } else if (now) {
                    yield new WatchEvent.Added(event.object());
                } else if (before) {
                    yield new WatchEvent.Deleted(event.previous().withRevision(event.revision()));
                }
                yield null;
            }
        };
    }

    /** The current object with this key, if any (lock-free). */
    public CachedObject get(String key) {
        return objects.get(key);
    }

    /** The number of current objects. */
    public int size() {
        return objects.size();
    }

    /** The revision this resource's state is known at: every change up to it is applied. */
    public long revision() {
        return Math.max(lastApplied, globalRevision.getAsLong());
    }

    /** Reads a page at the latest or an exact revision. */
    public ListResult list(ListQuery q) throws TooOldResourceVersionException {
        lock.readLock().lock();
        try {
            long current = revision();
            long at = q.revision() <= 0 || q.revision() >= current ? current : q.revision();
            NavigableMap<String, CachedObject> overlay = at < lastApplied ? overlayAt(at) : null;
            return collect(q, at, overlay);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The state at {@code revision} of every key changed after it (ABSENT where it did not exist). */
    private NavigableMap<String, CachedObject> overlayAt(long revision) throws TooOldResourceVersionException {
        if (revision < window.oldestServable()) {
            throw new TooOldResourceVersionException(revision, window.oldestServable());
        }
        TreeMap<String, CachedObject> overlay = new TreeMap<>();
        for (CachedEvent e : window.after(revision)) {
            overlay.putIfAbsent(e.object().key(), e.previous() == null ? ABSENT : e.previous());
        }
        return overlay;
    }

    private ListResult collect(ListQuery q, long at, NavigableMap<String, CachedObject> overlay) {
        String from = q.startKey();
        String lo = q.namespace() == null ? "" : q.namespace() + "/";
        String hi = q.namespace() == null ? null : q.namespace() + "0";
        if (from == null || from.compareTo(lo) < 0) {
            from = lo;
        }
        var current = hi == null ? objects.tailMap(from, true) : objects.subMap(from, true, hi, false);
        var changed = overlay == null ? null : (hi == null ? overlay.tailMap(from, true) : overlay.subMap(from, true, hi, false));
        MergedIterator it = new MergedIterator(current, changed);
        int limit = q.limit() <= 0 ? Integer.MAX_VALUE : q.limit();
        List<CachedObject> items = new ArrayList<>(Math.min(limit, 1024));
        SelectionPredicate p = q.predicate() == null ? SelectionPredicate.everything() : q.predicate();
        String next = null;
        long remaining = -1;
        while (it.hasNext()) {
            CachedObject o = it.next();
            if (!p.isEverything() && !matches(p, o)) {
                continue;
            }
            if (items.size() < limit) {
                items.add(o);
                continue;
            }
            next = items.get(items.size() - 1).key() + "\u0000";
            if (q.countRemaining()) {
                remaining = 1;
                while (it.hasNext()) {
                    CachedObject r = it.next();
                    if (p.isEverything() || matches(p, r)) {
                        remaining++;
                    }
                }
            }
            break;
        }
        return new ListResult(items, at, next, remaining);
    }

    /** Subscribes a watcher; its first events are decided under the lock so none are missed or doubled. */
    public Subscription watch(WatchQuery q) throws TooOldResourceVersionException {
        lock.writeLock().lock();
        try {
            long current = revision();
            long min = q.start() == WatchQuery.Start.AFTER_REVISION ? q.revision() : current;
            Subscription s = new Subscription(this, q.namespace(), q.predicate(), q.bookmarks(), min, q.capacity());
            switch (q.start()) {
                case INITIAL_STATE -> {
                    List<CachedObject> initial = new ArrayList<>();
                    for (CachedObject o : scope(q.namespace()).values()) {
                        if (s.matches(o)) {
                            initial.add(o);
                        }
                    }
                    s.setInitial(initial, q.initialEventsEnd() ? new WatchEvent.Bookmark(current, true) : null);
                }
                case AFTER_REVISION -> {
                    if (q.revision() < current) {
                        if (q.revision() < window.oldestServable()) {
                            throw new TooOldResourceVersionException(q.revision(), window.oldestServable());
                        }
                        List<WatchEvent> replay = new ArrayList<>();
                        for (CachedEvent e : window.after(q.revision())) {
                            WatchEvent w = translate(e, s);
                            if (w != null) {
                                replay.add(w);
                            }
                        }
                        s.replay(replay);
                    }
                    if (q.initialEventsEnd()) {
                        s.replay(List.of(new WatchEvent.Bookmark(Math.max(current, q.revision()), true)));
                    }
                }
                case NOW -> {
                    if (q.initialEventsEnd()) {
                        s.replay(List.of(new WatchEvent.Bookmark(current, true)));
                    }
                }
            }
            subscribers.add(s);
            return s;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private NavigableMap<String, CachedObject> scope(String namespace) {
        return namespace == null ? objects : objects.subMap(namespace + "/", true, namespace + "0", false);
    }

    void unsubscribe(Subscription s) {
        lock.writeLock().lock();
        try {
            subscribers.remove(s);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Sends a bookmark at the current revision to one watcher, after everything already queued for it. */
    void bookmark(Subscription s) {
        lock.writeLock().lock();
        try {
            if (!s.isClosed()) {
                s.offer(new WatchEvent.Bookmark(revision(), false), Subscription.NOT_LIVE);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Sends a bookmark to every watcher that wants them; drops closed watchers. */
    void bookmarkAll() {
        lock.writeLock().lock();
        try {
            long at = revision();
            subscribers.removeIf(Subscription::isClosed);
            for (Subscription s : subscribers) {
                if (s.bookmarks()) {
                    s.offer(new WatchEvent.Bookmark(at, false), Subscription.NOT_LIVE);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The number of open watchers. */
    public int watchers() {
        lock.readLock().lock();
        try {
            return (int) subscribers.stream().filter(s -> !s.isClosed()).count();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether {@code o} matches {@code p}, reading fields through this resource's field table. */
    boolean matches(SelectionPredicate p, CachedObject o) {
        return p.matches(o.labels(), field -> fieldValue(o, field));
    }

    private String fieldValue(CachedObject o, String field) {
        switch (field) {
            case "metadata.name":
                return o.name();
            case "metadata.namespace":
                return o.namespace();
            default:
                Integer i = fieldIndex.get(field);
                String[] values = o.fields();
                return i == null || i >= values.length || values[i] == null ? "" : values[i];
        }
    }

    /** Iterates current objects with the changed keys' older states taking precedence. */
    private static final class MergedIterator {
        private final java.util.Iterator<Map.Entry<String, CachedObject>> a;
        private final java.util.Iterator<Map.Entry<String, CachedObject>> b;
        private Map.Entry<String, CachedObject> na;
        private Map.Entry<String, CachedObject> nb;
        private CachedObject next;

        MergedIterator(NavigableMap<String, CachedObject> current, NavigableMap<String, CachedObject> changed) {
            this.a = current.entrySet().iterator();
            this.b = changed == null ? java.util.Collections.emptyIterator() : changed.entrySet().iterator();
            na = a.hasNext() ? a.next() : null;
            nb = b.hasNext() ? b.next() : null;
            advance();
        }

        private void advance() {
            next = null;
            while (next == null && (na != null || nb != null)) {
                int cmp = na == null ? 1 : nb == null ? -1 : na.getKey().compareTo(nb.getKey());
                CachedObject candidate;
                if (cmp < 0) {
                    candidate = na.getValue();
                    na = a.hasNext() ? a.next() : null;
                } else {
                    candidate = nb.getValue();
                    if (cmp == 0) {
                        na = a.hasNext() ? a.next() : null;
                    }
                    nb = b.hasNext() ? b.next() : null;
                }
                if (candidate != ABSENT) {
                    next = candidate;
                }
            }
        }

        boolean hasNext() {
            return next != null;
        }

        CachedObject next() {
            CachedObject n = next;
            advance();
            return n;
        }
    }
}
