package io.kubesim.watch;

import io.kubesim.storage.ChangeListener;
import io.kubesim.storage.CommittedChange;
import io.kubesim.storage.ObjectStore;
import io.kubesim.storage.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All watch caches, fed by the store's committed-change stream. {@link #start()} rebuilds them from
 * the database; changes committed while loading are applied afterwards, so none is lost.
 */
public final class WatchHub implements ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(WatchHub.class);

    private final ObjectStore store;
    private final ObjectIndexer indexer;
    private final WatchProperties properties;
    private final Map<String, ResourceDescriptor> descriptors = new ConcurrentHashMap<>();
    private final Map<String, ResourceCache> caches = new ConcurrentHashMap<>();
    private final List<CommittedChange> pendingWhileLoading = new ArrayList<>();
    private volatile long completedRevision;
    private volatile boolean loading = true;

    public WatchHub(ObjectStore store, ObjectIndexer indexer, WatchProperties properties) {
        this.store = store;
        this.indexer = indexer;
        this.properties = properties;
    }

    /** Declares a resource; must happen before {@link #start()}. */
    public void register(ResourceDescriptor descriptor) {
        descriptors.put(descriptor.resource(), descriptor);
    }

    /** Loads every object from the store, then follows the committed-change stream. */
    public void start() {
        store.addListener(this);
        Map<String, List<CachedObject>> loaded = new ConcurrentHashMap<>();
        long revision = store.loadAll(o -> loaded.computeIfAbsent(o.resource(), r -> new ArrayList<>()).add(index(o, null)));
        synchronized (pendingWhileLoading) {
            completedRevision = revision;
            for (ResourceDescriptor d : descriptors.values()) {
                caches.put(d.resource(), newCache(d, revision));
            }
            loaded.forEach((resource, objects) -> {
                ResourceCache cache = caches.computeIfAbsent(resource, r -> newCache(anonymous(r), revision));
                objects.forEach(cache::load);
            });
            loading = false;
            List<CommittedChange> late = pendingWhileLoading.stream().filter(c -> c.revision() > revision).toList();
            pendingWhileLoading.clear();
            if (!late.isEmpty()) {
                applyAll(late);
            }
        }
        log.info("watch cache loaded at revision {}: {} objects in {} resources", revision,
                loaded.values().stream().mapToInt(List::size).sum(), loaded.size());
    }

    private ResourceCache newCache(ResourceDescriptor d, long revision) {
        return new ResourceCache(d, properties.windowSize(), revision, () -> completedRevision,
                properties.compressedResources().contains(d.resource()));
    }

    private static ResourceDescriptor anonymous(String resource) {
        return new ResourceDescriptor(resource, "v1", "Unknown", List.of());
    }

    private CachedObject index(StoredObject o, Object attachment) {
        return indexer.index(o, attachment);
    }

    @Override
    public void onCommitted(List<CommittedChange> changes) {
        if (loading) {
            synchronized (pendingWhileLoading) {
                if (loading) {
                    pendingWhileLoading.addAll(changes);
                    return;
                }
            }
        }
        applyAll(changes);
    }

    private void applyAll(List<CommittedChange> changes) {
        // the writer calls right after its commit: the clock of watch delivery starts here (the SLI's "stored")
        long committedAt = System.nanoTime();
        for (CommittedChange c : changes) {
            ResourceCache cache = caches.computeIfAbsent(c.object().resource(),
                    r -> newCache(descriptors.getOrDefault(r, anonymous(r)), completedRevision));
            try {
                cache.apply(c.type(), index(c.object(), c.attachment()), committedAt);
            } catch (RuntimeException e) {
                log.error("cannot apply revision {} to the watch cache", c.revision(), e);
            }
        }
        completedRevision = changes.get(changes.size() - 1).revision();
    }

    /** The cache of one resource. */
    public ResourceCache cache(String resource) {
        ResourceCache cache = caches.get(resource);
        if (cache == null) {
            throw new IllegalArgumentException("no watch cache for " + resource);
        }
        return cache;
    }

    /** Every cache (for metrics). */
    public Collection<ResourceCache> caches() {
        return caches.values();
    }

    /** The last revision whose change is applied to every cache. */
    public long revision() {
        return completedRevision;
    }

    /** Sends the periodic bookmark to every watcher that allows bookmarks. */
    public void bookmarkAll() {
        for (ResourceCache c : caches.values()) {
            c.bookmarkAll();
        }
    }

    /** The number of open watchers over all resources. */
    public int watchers() {
        return caches.values().stream().mapToInt(ResourceCache::watchers).sum();
    }

    public WatchProperties properties() {
        return properties;
    }
}
