package io.kubesim.controllers.garbagecollector;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ControllerLoop;
import io.kubesim.controller.Deletion;
import io.kubesim.controller.Informer;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.Reconciler;
import io.kubesim.controller.ResourceClient;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The garbage collector: deletes dependents whose owners are gone (Background), deletes the
 * dependents of owners in foreground deletion and then lets the owner go once no blocking
 * dependent remains, strips owner references for Orphan deletions, and patches out references to
 * owners that no longer exist while other owners still do. Owners count as absent only after a
 * live lookup.
 */
public final class GarbageCollector implements Reconciler {

    static final String ORPHAN = "orphan";
    static final String FOREGROUND = "foregroundDeletion";

    private final ResourceClient client;
    private final ControllerLoop loop;
    private final Map<String, Informer<? extends HasMetadata>> informers = new HashMap<>();
    private final Map<String, Class<? extends HasMetadata>> classes = new HashMap<>();

    public GarbageCollector(ResourceClient client, InformerFactory factory, ScheduledExecutorService timer,
                            MeterRegistry meters) {
        this.client = client.as("generic-garbage-collector");
        this.loop = new ControllerLoop("garbage-collector", this, 2, timer, meters);
        for (var kind : client.kinds()) {
            Class<? extends HasMetadata> type = kind.getKey();
            if (type == Event.class) {
                continue;
            }
            watchKind(factory, type);
        }
    }

    private <T extends HasMetadata> void watchKind(InformerFactory factory, Class<T> type) {
        Informer<T> informer = factory.informer(type);
        String name = type.getName();
        informers.put(name, informer);
        classes.put(name, type);
        informer.addIndex("ownerUid", o -> owners(o).stream().map(OwnerReference::getUid).toList());
        informer.addHandler(new Informer.Handler<>() {
            @Override
            public void onAdd(T object) {
                consider(object);
            }

            @Override
            public void onUpdate(T old, T current) {
                // like upstream's graph builder: an update matters only when it changes the object's owners, its
                // deletion or its finalizers, or is another object under the same name (not a lease renewal or a
                // pod status write)
                if (!owners(old).equals(owners(current))
                        || !Objects.equals(old.getMetadata().getUid(), current.getMetadata().getUid())
                        || !Objects.equals(old.getMetadata().getDeletionTimestamp(), current.getMetadata().getDeletionTimestamp())
                        || !Objects.equals(old.getMetadata().getFinalizers(), current.getMetadata().getFinalizers())) {
                    consider(current);
                }
                if (current.getMetadata().getDeletionTimestamp() != null) {
                    enqueueDependents(current.getMetadata().getUid());
                }
            }

            @Override
            public void onDelete(T object) {
                enqueueDependents(object.getMetadata().getUid());
            }
        });
    }

    static List<OwnerReference> owners(HasMetadata o) {
        return o.getMetadata().getOwnerReferences() == null ? List.of() : o.getMetadata().getOwnerReferences();
    }

    static boolean hasFinalizer(HasMetadata o, String f) {
        return o.getMetadata().getFinalizers() != null && o.getMetadata().getFinalizers().contains(f);
    }

    private void consider(HasMetadata o) {
        boolean owner = o.getMetadata().getDeletionTimestamp() != null && (hasFinalizer(o, ORPHAN) || hasFinalizer(o, FOREGROUND));
        if (owner || !owners(o).isEmpty()) {
            loop.enqueue(key(o));
        }
    }

    private void enqueueDependents(String uid) {
        for (Informer<? extends HasMetadata> i : informers.values()) {
            for (HasMetadata d : i.byIndex("ownerUid", uid)) {
                loop.enqueue(key(d));
            }
        }
    }

    private static String key(HasMetadata o) {
        return o.getClass().getName() + "|" + Informer.keyOf(o);
    }

    public void start() {
        loop.start();
    }

    public void stop() {
        loop.stop();
    }

    @Override
    public Result reconcile(String key) {
        int bar = key.indexOf('|');
        Informer<? extends HasMetadata> informer = informers.get(key.substring(0, bar));
        HasMetadata o = informer == null ? null : informer.get(key.substring(bar + 1));
        if (o == null) {
            return Result.DONE;
        }
        if (o.getMetadata().getDeletionTimestamp() != null) {
            if (hasFinalizer(o, ORPHAN)) {
                orphanDependents(o);
            }
            if (hasFinalizer(o, FOREGROUND) && !deleteDependentsInForeground(o)) {
                return Result.after(Duration.ofMillis(200));
            }
        }
        if (!owners(o).isEmpty()) {
            collectIfOwnersAreGone(o);
        }
        return Result.DONE;
    }

    private List<HasMetadata> dependents(String uid) {
        List<HasMetadata> out = new ArrayList<>();
        for (Informer<? extends HasMetadata> i : informers.values()) {
            out.addAll(i.byIndex("ownerUid", uid));
        }
        return out;
    }

    /** Orphan: strip this owner from every dependent, then drop the {@code orphan} finalizer. */
    private void orphanDependents(HasMetadata owner) {
        String uid = owner.getMetadata().getUid();
        for (HasMetadata d : dependents(uid)) {
            edit(d, x -> {
                List<OwnerReference> refs = new ArrayList<>(owners(x));
                if (!refs.removeIf(r -> uid.equals(r.getUid()))) {
                    return null;
                }
                x.getMetadata().setOwnerReferences(refs);
                return x;
            });
        }
        removeFinalizer(owner, ORPHAN);
    }

    /** Foreground: delete the dependents; true once none with blockOwnerDeletion is left (finalizer removed). */
    private boolean deleteDependentsInForeground(HasMetadata owner) {
        String uid = owner.getMetadata().getUid();
        boolean blocked = false;
        for (HasMetadata d : dependents(uid)) {
            OwnerReference ref = owners(d).stream().filter(r -> uid.equals(r.getUid())).findFirst().orElse(null);
            if (ref != null && Boolean.TRUE.equals(ref.getBlockOwnerDeletion())) {
                blocked = true;
            }
            if (d.getMetadata().getDeletionTimestamp() == null) {
                String policy = dependents(d.getMetadata().getUid()).isEmpty() ? "Background" : "Foreground";
                delete(d, policy);
            }
        }
        if (!blocked) {
            removeFinalizer(owner, FOREGROUND);
        }
        return !blocked;
    }

    private void collectIfOwnersAreGone(HasMetadata o) {
        List<String> dangling = new ArrayList<>();
        boolean solid = false;
        boolean waiting = false;
        for (OwnerReference ref : owners(o)) {
            Optional<HasMetadata> owner = lookup(ref, o.getMetadata().getNamespace());
            if (owner == null) {
                solid = true;
            } else if (owner.isEmpty() || !ref.getUid().equals(owner.get().getMetadata().getUid())) {
                dangling.add(ref.getUid());
            } else if (owner.get().getMetadata().getDeletionTimestamp() != null && hasFinalizer(owner.get(), FOREGROUND)) {
                waiting = true;
                dangling.add(ref.getUid());
            } else {
                solid = true;
            }
        }
        if (dangling.isEmpty()) {
            return;
        }
        if (solid) {
            edit(o, x -> {
                List<OwnerReference> refs = new ArrayList<>(owners(x));
                if (!refs.removeIf(r -> dangling.contains(r.getUid()) && !waitingOwner(r, x))) {
                    return null;
                }
                x.getMetadata().setOwnerReferences(refs);
                return x;
            });
            return;
        }
        if (o.getMetadata().getDeletionTimestamp() == null) {
            boolean hasDependents = !dependents(o.getMetadata().getUid()).isEmpty();
            delete(o, waiting && hasDependents ? "Foreground" : null);
        }
    }

    private boolean waitingOwner(OwnerReference ref, HasMetadata dependent) {
        Optional<HasMetadata> owner = lookup(ref, dependent.getMetadata().getNamespace());
        return owner != null && owner.isPresent() && ref.getUid().equals(owner.get().getMetadata().getUid())
                && owner.get().getMetadata().getDeletionTimestamp() != null && hasFinalizer(owner.get(), FOREGROUND);
    }

    /** The owner by a live read; null when its kind is not served (never collect on an unknown kind). */
    private Optional<HasMetadata> lookup(OwnerReference ref, String namespace) {
        Optional<Class<? extends HasMetadata>> type = client.kindClass(ref.getApiVersion(), ref.getKind());
        if (type.isEmpty()) {
            return null;
        }
        boolean namespaced = client.kinds().stream().anyMatch(e -> e.getKey() == type.get() && e.getValue());
        return client.get(type.get(), namespaced ? namespace : null, ref.getName()).map(h -> (HasMetadata) h);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void edit(HasMetadata o, java.util.function.UnaryOperator<HasMetadata> change) {
        try {
            client.edit((Class) o.getClass(), o.getMetadata().getNamespace(), o.getMetadata().getName(),
                    (java.util.function.UnaryOperator) change);
        } catch (ClientException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    private void removeFinalizer(HasMetadata o, String finalizer) {
        edit(o, x -> {
            List<String> fins = new ArrayList<>(x.getMetadata().getFinalizers() == null ? List.of() : x.getMetadata().getFinalizers());
            if (!fins.remove(finalizer)) {
                return null;
            }
            x.getMetadata().setFinalizers(fins);
            return x;
        });
    }

    private void delete(HasMetadata o, String policy) {
        try {
            client.delete(o.getClass(), o.getMetadata().getNamespace(), o.getMetadata().getName(),
                    new Deletion(null, policy, o.getMetadata().getUid()));
        } catch (ClientException e) {
            if (!e.isNotFound() && e.code() != 409) {
                throw e;
            }
        }
    }
}
