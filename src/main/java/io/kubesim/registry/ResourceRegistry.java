package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.kubesim.registry.codec.ObjectCodec;
import io.kubesim.storage.ObjectStore;
import io.kubesim.watch.ObjectIndexer;
import io.kubesim.watch.WatchHub;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Every verb once, for every kind: the API endpoint and the in-process client both come here, so
 * they obey the same defaulting, validation, admission and concurrency rules.
 */
public final class ResourceRegistry {

    private final ResourceCatalog catalog;
    private final ObjectCodec codec;
    private final WatchHub hub;
    private final ReadPath reads;
    private final WritePath writes;
    private final DeletePath deletes;
    private final ScalePath scales;
    private final PodBinding binding;

    private final PodEviction eviction;

    public ResourceRegistry(ResourceCatalog catalog, ObjectCodec codec, ObjectStore store, WatchHub hub, Clock clock,
                            RegistryProperties properties) {
        this.catalog = catalog;
        this.codec = codec;
        this.hub = hub;
        this.reads = new ReadPath(hub, properties.futureRevisionWait());
        ResourceType namespaces = catalog.strategy(Namespace.class).type();
        NamespaceLifecycle lifecycle = new NamespaceLifecycle(reads, namespaces, codec);
        this.writes = new WritePath(codec, store, reads, lifecycle, clock);
        this.deletes = new DeletePath(codec, store, reads, lifecycle, clock);
        this.scales = new ScalePath(codec, reads, writes);
        this.binding = new PodBinding(writes, clock);
        this.eviction = new PodEviction(this, clock);
    }

    /** The watch-cache indexer for a catalog (wired before the registry exists). */
    public static ObjectIndexer indexer(ObjectCodec codec, ResourceCatalog catalog) {
        return new RegistryIndexer(codec, catalog);
    }

    /** Declares every kind of the catalog to the watch hub. */
    public static void describe(ResourceCatalog catalog, WatchHub hub) {
        for (ResourceStrategy<?> s : catalog.all()) {
            hub.register(RegistryIndexer.descriptor(s));
        }
    }

    public ResourceCatalog catalog() {
        return catalog;
    }

    public ObjectCodec codec() {
        return codec;
    }

    /** The revision every change up to which is visible. */
    public long revision() {
        return hub.revision();
    }

    // ---- reads -------------------------------------------------------------------------------

    public ApiObject get(ResourceStrategy<?> s, String namespace, String name) {
        return reads.get(s.type(), namespace, name);
    }

    /** The same continuation read at the latest revision instead of the first page's (empty stays empty). */
    public static String continueAtLatest(String continueToken) {
        if (continueToken == null || continueToken.isEmpty()) {
            return continueToken;
        }
        return new ContinueToken(-1, ContinueToken.decode(continueToken).start()).encode();
    }

    public ApiList list(ResourceStrategy<?> s, String namespace, ListOptions options) {
        return reads.list(s, namespace, options);
    }

    /** Starts a watch; a consumer that falls {@code kubesim.watch.queue-capacity} events behind is cut. */
    public ApiWatch watch(ResourceStrategy<?> s, String namespace, ListOptions options) {
        return reads.watch(s, namespace, options, hub.properties().queueCapacity());
    }

    /** Starts a watch with an explicit queue capacity (in-process informers use a large one). */
    public ApiWatch watch(ResourceStrategy<?> s, String namespace, ListOptions options, int capacity) {
        return reads.watch(s, namespace, options, capacity);
    }

    /** The number of objects of a kind (for metrics). */
    public int count(ResourceStrategy<?> s) {
        return reads.cache(s.type()).size();
    }

    // ---- writes from request bodies ----------------------------------------------------------

    public WriteResult create(ResourceStrategy<?> s, String namespace, RequestBody body, WriteOptions o) {
        return createBody(s, namespace, body, o);
    }

    private <T extends HasMetadata> WriteResult createBody(ResourceStrategy<T> s, String namespace, RequestBody body,
                                                           WriteOptions o) {
        List<String> warnings = new ArrayList<>();
        T object = writes.decode(s, body, o.fieldValidation(), warnings);
        return writes.create(s, namespace, object, o, warnings);
    }

    public WriteResult replace(ResourceStrategy<?> s, String namespace, String name, Subresource sub, RequestBody body,
                               WriteOptions o) {
        return replaceBody(s, namespace, name, sub, body, o);
    }

    private <T extends HasMetadata> WriteResult replaceBody(ResourceStrategy<T> s, String namespace, String name,
                                                            Subresource sub, RequestBody body, WriteOptions o) {
        List<String> warnings = new ArrayList<>();
        boolean[] first = {true};
        return writes.replace(s, namespace, name, sub, () -> {
            List<String> w = first[0] ? warnings : new ArrayList<>();
            first[0] = false;
            return writes.decode(s, body, o.fieldValidation(), w);
        }, o, warnings);
    }

    public WriteResult patch(ResourceStrategy<?> s, String namespace, String name, Subresource sub, PatchType type,
                             byte[] patch, WriteOptions o) {
        if (type == PatchType.APPLY) {
            return writes.apply(s, namespace, name, sub, patch, o, new ArrayList<>());
        }
        if (o.force()) {
            throw ApiException.invalidOptions("PatchOptions", List.of(io.kubesim.registry.validation.FieldError.forbidden(
                    "force", "may not be specified for non-apply patch")));
        }
        return writes.patch(s, namespace, name, sub, type, patch, o, new ArrayList<>());
    }

    public WriteResult delete(ResourceStrategy<?> s, String namespace, String name, DeleteOptions o) {
        return deletes.delete(s, namespace, name, o);
    }

    /** deletecollection: the items deleted (or now terminating), as a list at the latest revision. */
    public ApiList deleteCollection(ResourceStrategy<?> s, String namespace, ListOptions selection, DeleteOptions o) {
        ApiList matching = reads.list(s, namespace, selection.withSelectors(selection.labelSelector(),
                selection.fieldSelector()));
        List<ApiObject> deleted = deletes.deleteCollection(s, namespace, matching, o);
        return new ApiList(s.type(), deleted, Long.toString(hub.revision()), "", null);
    }

    // ---- scale -------------------------------------------------------------------------------

    public ApiObject getScale(ResourceStrategy<?> s, String namespace, String name) {
        return scales.get(s, namespace, name);
    }

    public WriteResult replaceScale(ResourceStrategy<?> s, String namespace, String name, RequestBody body, WriteOptions o) {
        return scales.update(s, namespace, name, body, o);
    }

    public WriteResult patchScale(ResourceStrategy<?> s, String namespace, String name, PatchType type, byte[] patch,
                                  WriteOptions o) {
        return scales.patch(s, namespace, name, type, patch, o);
    }

    // ---- pods ------------------------------------------------------------------------------

    /** {@code pods/binding}: assigns a pod to a node (409 when it is deleting, bound or gated). */
    public WriteResult bind(String namespace, String pod, String node, String uid, java.util.Map<String, String> annotations,
                            WriteOptions o) {
        return binding.bind(catalog.strategy(io.fabric8.kubernetes.api.model.Pod.class), namespace, pod, node, uid,
                annotations, o);
    }

    /**
     * {@code pods/eviction}: marks the pod with the {@code DisruptionTarget} condition and deletes it with the
     * eviction's options (no PodDisruptionBudgets are served, so every eviction is allowed).
     */
    public void evict(String namespace, String pod, DeleteOptions options) {
        eviction.evict(namespace, pod, options);
    }

    // ---- typed writes (in-process client) -----------------------------------------------------

    /**
     * Creates a typed object. It is consumed: the registry fills in its metadata, defaults and managedFields, and
     * returns it as stored (with the new resourceVersion) instead of decoding the stored document again.
     */
    public <T extends HasMetadata> T create(T object, WriteOptions o) {
        ResourceStrategy<T> s = strategyOf(object);
        String ns = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
        WriteResult r = writes.create(s, ns, object, o, new ArrayList<>());
        return o.dryRun() ? decode(r.object(), s) : asStored(object, r.object());
    }

    /** Replaces a typed object; conditional when it carries a resourceVersion. */
    public <T extends HasMetadata> T update(T object, Subresource sub, WriteOptions o) {
        ResourceStrategy<T> s = strategyOf(object);
        var m = object.getMetadata();
        WriteResult r = writes.replace(s, m.getNamespace(), m.getName(), sub, () -> object, o, new ArrayList<>());
        return decode(r.object(), s);
    }

    /**
     * Read-modify-write with retries: {@code change} gets a fresh copy of the stored object and
     * returns the desired one (or null to leave it alone).
     */
    public <T extends HasMetadata> T mutate(Class<T> type, String namespace, String name, Subresource sub,
                                            UnaryOperator<T> change, WriteOptions o) {
        ResourceStrategy<T> s = catalog.strategy(type);
        var proposed = new AtomicReference<T>();
        var seen = new AtomicLong();
        WriteResult r = writes.update(s, namespace, name, sub, (current, stored) -> {
            T next = change.apply(current.get());
            proposed.set(next);
            seen.set(stored.revision());
            return next;
        }, false, o, new ArrayList<>());
        T written = proposed.get();
        boolean wrote = written != null && !o.dryRun() && r.object() != null && r.object().revision() != seen.get();
        // the last attempt's object is what was encoded and stored; a write that changed nothing answers the stored one
        return wrote ? asStored(written, r.object()) : decode(r.object(), s);
    }

    /** The typed object a write encoded, with the resourceVersion it was stored at. */
    private static <T extends HasMetadata> T asStored(T written, ApiObject stored) {
        written.getMetadata().setResourceVersion(Long.toString(stored.revision()));
        return written;
    }

    /** Deletes through the same path as the API (graceful deletion, finalizers, preconditions). */
    public <T extends HasMetadata> WriteResult delete(Class<T> type, String namespace, String name, DeleteOptions o) {
        return deletes.delete(catalog.strategy(type), namespace, name, o);
    }

    /** Decodes an API object into the kind's typed class. */
    public <T extends HasMetadata> T decode(ApiObject object, ResourceStrategy<T> s) {
        return object == null ? null : codec.decode(object.json(), WritePath.<T>castType(s.type()));
    }

    /** {@link #decode} without {@code metadata.managedFields} (null), skipped while parsing. */
    public <T extends HasMetadata> T decodeWithoutManagedFields(ApiObject object, ResourceStrategy<T> s) {
        return object == null ? null : codec.decodeWithoutManagedFields(object.json(), WritePath.<T>castType(s.type()));
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> ResourceStrategy<T> strategyOf(T object) {
        return catalog.strategy((Class<T>) object.getClass());
    }
}
