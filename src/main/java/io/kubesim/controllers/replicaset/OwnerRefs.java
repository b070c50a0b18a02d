package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;

import java.util.List;

/** {@code metav1.GetControllerOf} and {@code metav1.NewControllerRef}. */
public final class OwnerRefs {

    private OwnerRefs() {
    }

    /** The owner reference with {@code controller: true}, or null. */
    public static OwnerReference controllerOf(HasMetadata o) {
        List<OwnerReference> refs = o.getMetadata() == null ? null : o.getMetadata().getOwnerReferences();
        if (refs == null) {
            return null;
        }
        for (OwnerReference r : refs) {
            if (Boolean.TRUE.equals(r.getController())) {
                return r;
            }
        }
        return null;
    }

    /** The uid of the controller, or null for an orphan. */
    public static String controllerUid(HasMetadata o) {
        OwnerReference r = controllerOf(o);
        return r == null ? null : r.getUid();
    }

    /** A controller reference to {@code owner}: controller and blockOwnerDeletion true. */
    public static OwnerReference newControllerRef(HasMetadata owner, String apiVersion, String kind) {
        OwnerReference r = new OwnerReference();
        r.setApiVersion(apiVersion);
        r.setKind(kind);
        r.setName(owner.getMetadata().getName());
        r.setUid(owner.getMetadata().getUid());
        r.setController(true);
        r.setBlockOwnerDeletion(true);
        return r;
    }
}
