package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ResourceClient;
import io.kubesim.selection.LabelSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code BaseControllerRefManager.ClaimObject}: decides which candidates a controller owns, adopting matching
 * orphans (after the owner is confirmed alive by a fresh read, once per claim) and releasing owned objects whose
 * labels stopped matching. Objects controlled by someone else are left alone. Writes go through
 * read-modify-write with a uid check, the equivalent of upstream's patches with a uid precondition.
 *
 * @param <T> the kind claimed: Pod for replica controllers, ReplicaSet for Deployments
 */
public final class ControllerRefManager<T extends HasMetadata> {

    private final ResourceClient client;
    private final Class<T> type;

    public ControllerRefManager(ResourceClient client, Class<T> type) {
        this.client = client;
        this.type = type;
    }

    /** The claimed objects (as given, adoptions included) and the first failure, if any. */
    public record Claimed<T>(List<T> objects, ClientException error) {
    }

    /**
     * Claims among {@code candidates}.
     *
     * @param owner         the controller (from the cache)
     * @param controllerRef the reference adoption writes
     * @param selector      which labels the controller selects
     * @param canAdopt      fresh check that the owner still exists and is not being deleted: null when it may
     *                      adopt, else the reason; called at most once
     */
    public Claimed<T> claim(HasMetadata owner, OwnerReference controllerRef, LabelSelector selector,
                            List<T> candidates, Supplier<String> canAdopt) {
        List<T> claimed = new ArrayList<>();
        ClientException first = null;
        Supplier<String> verdict = once(canAdopt);
        for (T candidate : candidates) {
            try {
                OwnerReference ref = OwnerRefs.controllerOf(candidate);
                boolean matches = selector.matches(candidate.getMetadata().getLabels());
                if (ref != null) {
                    if (claimOwned(owner, ref, matches, candidate)) {
                        claimed.add(candidate);
                    }
                    continue;
                }
                if (!adoptable(owner, candidate, matches)) {
                    continue;
                }
                String refusal = verdict.get();
                if (refusal != null) {
                    throw new ClientException(500, "InternalError", refusal);
                }
                if (adopt(candidate, controllerRef)) {
                    claimed.add(candidate);
                }
            } catch (ClientException e) {
                first = first == null ? e : first;
            }
        }
        return new Claimed<>(claimed, first);
    }

    private boolean claimOwned(HasMetadata owner, OwnerReference ref, boolean matches, T candidate) {
        if (!Objects.equals(ref.getUid(), owner.getMetadata().getUid())) {
            return false;
        }
        if (matches) {
            return true;
        }
        if (owner.getMetadata().getDeletionTimestamp() == null) {
            release(candidate, owner.getMetadata().getUid());
        }
        return false;
    }

    private static boolean adoptable(HasMetadata owner, HasMetadata candidate, boolean matches) {
        return owner.getMetadata().getDeletionTimestamp() == null && matches
                && candidate.getMetadata().getDeletionTimestamp() == null
                && Objects.equals(owner.getMetadata().getNamespace(), candidate.getMetadata().getNamespace());
    }

    /** Adds the controller reference unless the object changed identity or found another controller. */
    private boolean adopt(T candidate, OwnerReference controllerRef) {
        String uid = candidate.getMetadata().getUid();
        try {
            T result = client.edit(type, candidate.getMetadata().getNamespace(), candidate.getMetadata().getName(), fresh -> {
                if (!uid.equals(fresh.getMetadata().getUid()) || OwnerRefs.controllerOf(fresh) != null
                        || fresh.getMetadata().getDeletionTimestamp() != null) {
                    return null;
                }
                List<OwnerReference> refs = new ArrayList<>(Objects.requireNonNullElse(
                        fresh.getMetadata().getOwnerReferences(), List.of()));
                refs.removeIf(r -> Objects.equals(r.getUid(), controllerRef.getUid()));
                refs.add(copy(controllerRef));
                fresh.getMetadata().setOwnerReferences(refs);
                return fresh;
            });
            return uid.equals(result.getMetadata().getUid())
                    && Objects.equals(OwnerRefs.controllerUid(result), controllerRef.getUid());
        } catch (ClientException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    /** Removes the owner's references; a vanished or invalid object is left alone. */
    private void release(T candidate, String ownerUid) {
        String uid = candidate.getMetadata().getUid();
        try {
            client.edit(type, candidate.getMetadata().getNamespace(), candidate.getMetadata().getName(), fresh -> {
                List<OwnerReference> refs = fresh.getMetadata().getOwnerReferences();
                if (!uid.equals(fresh.getMetadata().getUid()) || refs == null
                        || refs.stream().noneMatch(r -> Objects.equals(r.getUid(), ownerUid))) {
                    return null;
                }
                List<OwnerReference> kept = new ArrayList<>(refs);
                kept.removeIf(r -> Objects.equals(r.getUid(), ownerUid));
                fresh.getMetadata().setOwnerReferences(kept.isEmpty() ? null : kept);
                return fresh;
            });
        } catch (ClientException e) {
            if (!e.isNotFound() && e.code() != 422) {
                throw e;
            }
        }
    }

    /** A supplier evaluated at most once ({@code sync.Once} around upstream's {@code canAdopt}). */
    private static Supplier<String> once(Supplier<String> s) {
        return new Supplier<>() {
            private boolean done;
            private String value;

            @Override
            public String get() {
                if (!done) {
                    value = s.get();
                    done = true;
                }
                return value;
            }
        };
    }

    static OwnerReference copy(OwnerReference r) {
        OwnerReference c = new OwnerReference();
        c.setApiVersion(r.getApiVersion());
        c.setKind(r.getKind());
        c.setName(r.getName());
        c.setUid(r.getUid());
        c.setController(r.getController());
        c.setBlockOwnerDeletion(r.getBlockOwnerDeletion());
        return c;
    }

    /**
     * {@code RecheckDeletionTimestamp}: the verdict of a fresh read of the owner; null when it may adopt.
     *
     * @param fresh the owner as the API returns it now, or null when it is gone
     */
    public static String adoptionVerdict(HasMetadata cached, HasMetadata fresh, String kind) {
        String where = cached.getMetadata().getNamespace() + "/" + cached.getMetadata().getName();
        if (fresh == null) {
            return kind + " " + where + " could not be found";
        }
        if (!Objects.equals(fresh.getMetadata().getUid(), cached.getMetadata().getUid())) {
            return "original " + kind + " " + where + " is gone: got uid " + fresh.getMetadata().getUid()
                    + ", wanted " + cached.getMetadata().getUid();
        }
        if (fresh.getMetadata().getDeletionTimestamp() != null) {
            return kind + " " + where + " has just been deleted at " + fresh.getMetadata().getDeletionTimestamp();
        }
        return null;
    }
}
