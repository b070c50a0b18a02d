package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubesim.registry.codec.ObjectCodec;
import io.kubesim.registry.codec.RevisionTemplate;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.storage.CommittedChange;
import io.kubesim.storage.ObjectStore;
import io.kubesim.storage.StorageException;
import io.kubesim.storage.WriteRequest;
import io.kubesim.watch.CachedObject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * delete and deletecollection: preconditions, graceful deletion, the garbage collector's finalizers
 * (orphan / foregroundDeletion by propagation policy), then either marking the object (it stays,
 * MODIFIED) or removing it (DELETED). API-MACHINERY §7.
 */
final class DeletePath {

    static final String ORPHAN = "orphan";
    static final String FOREGROUND = "foregroundDeletion";
    private static final int MAX_ATTEMPTS = 16;
    private static final int COLLECTION_WORKERS = 8;
    private static final int ITEMS_PER_WORKER = 32;
    /** Threads for deletecollection's extra workers; idle ones end after a minute. */
    private static final ExecutorService COLLECTION_POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
            TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "kubesim-deletecollection");
                t.setDaemon(true);
                return t;
            });

    private final ObjectCodec codec;
    private final ObjectStore store;
    private final ReadPath reads;
    private final NamespaceLifecycle lifecycle;
    private final Clock clock;

    DeletePath(ObjectCodec codec, ObjectStore store, ReadPath reads, NamespaceLifecycle lifecycle, Clock clock) {
        this.codec = codec;
        this.store = store;
        this.reads = reads;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    static void validate(DeleteOptions o) {
        List<FieldError> errors = new ArrayList<>();
        String p = o.propagationPolicy();
        if (p != null && !p.equals("Orphan") && !p.equals("Background") && !p.equals("Foreground")) {
            errors.add(FieldError.notSupported("propagationPolicy", p, List.of("Foreground", "Background", "Orphan", "nil")));
        }
        if (p != null && o.orphanDependents() != null) {
            errors.add(FieldError.invalid("propagationPolicy", p, "orphanDependents and deletionPropagation cannot be both set"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalidOptions("DeleteOptions", errors);
        }
    }

    <T extends HasMetadata> WriteResult delete(ResourceStrategy<T> s, String namespace, String name, DeleteOptions o) {
        ResourceType t = s.type();
        validate(o);
        lifecycle.admitDelete(t, name);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            CachedObject stored = reads.current(t, namespace, name);
            if (stored == null) {
                throw ApiException.notFound(t.group(), t.plural(), name);
            }
            checkPreconditions(t, name, stored, o);
            T object = codec.decode(stored.json(), WritePath.<T>castType(t));
            try {
                return deleteOnce(s, stored, object, o);
            } catch (StorageException e) {
                if (e.reason() == StorageException.Reason.CONFLICT) {
                    continue;
                }
                throw WritePath.storageFailure(t, name, e);
            }
        }
        throw ApiException.modified(t.group(), t.plural(), name);
    }

    private static void checkPreconditions(ResourceType t, String name, CachedObject stored, DeleteOptions o) {
        String kindName = t.group().isEmpty() ? t.kind() : t.kind() + "." + t.group();
        if (o.preconditionUid() != null && !o.preconditionUid().isEmpty() && !o.preconditionUid().equals(stored.uid())) {
            throw ApiException.with(StatusReason.CONFLICT, "Operation cannot be fulfilled on " + kindName + " "
                            + io.kubesim.registry.validation.GoFormat.quote(name) + ": the UID in the precondition ("
                            + o.preconditionUid() + ") does not match the UID in record (" + stored.uid()
                            + "). The object might have been deleted and then recreated")
                    .details(name, t.group(), t.kind()).build();
        }
        String rv = o.preconditionResourceVersion();
        if (rv != null && !rv.isEmpty() && !rv.equals(Long.toString(stored.revision()))) {
            throw ApiException.with(StatusReason.CONFLICT, "Operation cannot be fulfilled on " + kindName + " "
                            + io.kubesim.registry.validation.GoFormat.quote(name)
                            + ": the ResourceVersion in the precondition (" + rv
                            + ") does not match the ResourceVersion in record (" + stored.revision()
                            + "). The object might have been modified")
                    .details(name, t.group(), t.kind()).build();
        }
    }

    private <T extends HasMetadata> WriteResult deleteOnce(ResourceStrategy<T> s, CachedObject stored, T object,
                                                           DeleteOptions o) {
        ResourceType t = s.type();
        ObjectMeta m = object.getMetadata();
        Instant now = clock.instant();
        boolean changed = false;
        boolean terminating = m.getDeletionTimestamp() != null;
        long grace = 0;
        if (t.gracefulDeletion()) {
            Long requested = o.gracePeriodSeconds();
            if (requested != null && requested < 0) {
                requested = 1L;
            }
            grace = s.gracePeriod(object, requested);
            if (terminating) {
                Long current = m.getDeletionGracePeriodSeconds();
                if (current == null || grace < current) {
                    Instant currentAt = Timestamps.parse(m.getDeletionTimestamp());
                    Instant proposed = now.plusSeconds(grace);
                    if (currentAt == null || proposed.isBefore(currentAt)) {
                        m.setDeletionTimestamp(Timestamps.format(proposed));
                    }
                    m.setDeletionGracePeriodSeconds(grace);
                    changed = true;
                }
            }
        }
        List<String> finalizers = gcFinalizers(s, m, o);
        if (!Objects.equals(finalizers, nonNull(m.getFinalizers()))) {
            m.setFinalizers(finalizers);
            changed = true;
        }
        boolean deferred = s.deferDeletion(object);
        boolean pending = !finalizers.isEmpty() || (t.gracefulDeletion() && grace > 0) || deferred;
        if (!pending) {
            return remove(s, stored, object, o);
        }
        if (!terminating) {
            m.setDeletionTimestamp(Timestamps.format(t.gracefulDeletion() ? now.plusSeconds(grace) : now));
            m.setDeletionGracePeriodSeconds(t.gracefulDeletion() ? grace : 0L);
            if (m.getGeneration() != null && m.getGeneration() > 0) {
                m.setGeneration(m.getGeneration() + 1);
            }
            s.markDeleting(object);
            changed = true;
        }
        int code = Boolean.FALSE.equals(o.orphanDependents()) ? 202 : 200;
        if (!changed) {
            return new WriteResult(code, ReadPath.apiObject(stored), null, List.of());
        }
        return markDeleting(s, stored, object, o, code);
    }

    private <T extends HasMetadata> WriteResult markDeleting(ResourceStrategy<T> s, CachedObject stored, T object,
                                                             DeleteOptions o, int code) {
        ResourceType t = s.type();
        RevisionTemplate template = codec.template(object);
        if (o.dryRun()) {
            return new WriteResult(code, new ApiObject(template.render(stored.revision()), 1, stored.name(),
                    stored.namespace(), stored.uid(), stored.revision()), null, List.of());
        }
        CommittedChange c = store.write(WriteRequest.update(t.resource(), stored.namespace(), stored.name(),
                stored.uid(), stored.revision(), template, RegistryIndexer.indexTyped(s, object)));
        return new WriteResult(code, WritePath.apiObject(c), null, List.of());
    }

    private <T extends HasMetadata> WriteResult remove(ResourceStrategy<T> s, CachedObject stored, T object, DeleteOptions o) {
        ResourceType t = s.type();
        RevisionTemplate template = codec.template(object);
        ApiObject result;
        if (o.dryRun()) {
            result = new ApiObject(template.render(stored.revision()), 1, stored.name(), stored.namespace(), stored.uid(),
                    stored.revision());
        } else {
            CommittedChange c = store.write(WriteRequest.delete(t.resource(), stored.namespace(), stored.name(),
                    stored.uid(), stored.revision(), template, RegistryIndexer.indexTyped(s, object)));
            result = WritePath.apiObject(c);
        }
        if (t.returnDeletedObject()) {
            return new WriteResult(200, result, null, List.of());
        }
        return new WriteResult(200, null, new WriteResult.DeletedDetails(stored.name(), t.group(), t.plural(),
                stored.uid()), List.of());
    }

    /** The finalizers after applying the propagation policy (apiserver {@code deletionFinalizersForGarbageCollection}). */
    private static List<String> gcFinalizers(ResourceStrategy<?> s, ObjectMeta m, DeleteOptions o) {
        List<String> current = nonNull(m.getFinalizers());
        boolean orphan;
        boolean foreground;
        if (o.propagationPolicy() != null) {
            orphan = o.propagationPolicy().equals("Orphan");
            foreground = o.propagationPolicy().equals("Foreground");
        } else if (o.orphanDependents() != null) {
            orphan = o.orphanDependents();
            foreground = false;
        } else {
            orphan = current.contains(ORPHAN) || s.defaultPropagation().equals("Orphan");
            foreground = !orphan && current.contains(FOREGROUND);
        }
        List<String> next = new ArrayList<>();
        for (String f : current) {
            if (!f.equals(ORPHAN) && !f.equals(FOREGROUND)) {
                next.add(f);
            }
        }
        if (orphan) {
            next.add(ORPHAN);
        }
        if (foreground) {
            next.add(FOREGROUND);
        }
        if (new java.util.HashSet<>(next).equals(new java.util.HashSet<>(current))) {
            return current;
        }
        return next;
    }

    private static List<String> nonNull(List<String> l) {
        return l == null ? List.of() : l;
    }

    /**
     * deletecollection: deletes every matching object with the same options; answers with what was deleted, in the
     * list's order. Large collections are deleted by {@link #COLLECTION_WORKERS} threads (kube-apiserver's
     * {@code --delete-collection-workers}), so their deletes share the store's group commits. The first error other
     * than NotFound stops the workers and is the answer; what was deleted before it stays deleted, as upstream.
     */
    <T extends HasMetadata> List<ApiObject> deleteCollection(ResourceStrategy<T> s, String namespace, ApiList matching,
                                                              DeleteOptions o) {
        validate(o);
        List<ApiObject> items = matching.items();
        ApiObject[] deleted = new ApiObject[items.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < items.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    deleted[i] = deleteItem(s, items.get(i), o);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int helpers = Math.min(COLLECTION_WORKERS, items.size() / ITEMS_PER_WORKER + 1) - 1;
        List<Future<?>> running = new ArrayList<>(helpers);
        for (int w = 0; w < helpers; w++) {
            running.add(COLLECTION_POOL.submit(worker));
        }
        worker.run();
        for (Future<?> f : running) {
            if (await(f) instanceof Error e) {
                throw e;
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        List<ApiObject> out = new ArrayList<>(deleted.length);
        for (ApiObject d : deleted) {
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /** What one item's delete answers: the object marked or removed; null when it was already gone. */
    private <T extends HasMetadata> ApiObject deleteItem(ResourceStrategy<T> s, ApiObject item, DeleteOptions o) {
        try {
            WriteResult r = delete(s, item.namespace(), item.name(), o);
            return r.object() != null ? r.object() : item;
        } catch (ApiException e) {
            if (e.reason() != StatusReason.NOT_FOUND) {
                throw e;
            }
            return null;
        }
    }

    /** Waits for a worker; answers what escaped it (only an {@link Error} can), or null. */
    private static Throwable await(Future<?> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
