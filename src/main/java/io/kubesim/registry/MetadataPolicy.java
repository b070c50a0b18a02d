package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubesim.registry.validation.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The system-populated metadata fields, for every kind alike (the apiserver's
 * {@code rest.BeforeCreate} / {@code rest.BeforeUpdate}).
 */
final class MetadataPolicy {

    private MetadataPolicy() {
    }

    static ObjectMeta meta(HasMetadata o) {
        if (o.getMetadata() == null) {
            o.setMetadata(new ObjectMeta());
        }
        return o.getMetadata();
    }

    /** Create: fresh uid and creationTimestamp, generation 1 where tracked, no deletion fields. */
    static void prepareCreate(ResourceType type, HasMetadata o, Instant now) {
        ObjectMeta m = meta(o);
        m.setUid(UUID.randomUUID().toString());
        m.setCreationTimestamp(Timestamps.format(now));
        m.setDeletionTimestamp(null);
        m.setDeletionGracePeriodSeconds(null);
        m.setSelfLink(null);
        m.setGeneration(type.tracksGeneration() ? 1L : null);
        m.setOwnerReferences(dedupeOwners(m.getOwnerReferences()));
    }

    /**
     * Update: restores what clients may not change and enforces the uid precondition.
     *
     * @throws ApiException 409 when the body names another uid
     */
    static List<FieldError> prepareUpdate(ResourceType type, HasMetadata o, HasMetadata old, String name) {
        ObjectMeta m = meta(o);
        ObjectMeta om = meta(old);
        List<FieldError> errors = new ArrayList<>();
        if (m.getUid() == null || m.getUid().isEmpty()) {
            m.setUid(om.getUid());
        } else if (!m.getUid().equals(om.getUid())) {
            String key = "/registry/" + type.plural() + "/" + (type.namespaced() ? om.getNamespace() + "/" : "") + name;
            throw ApiException.conflict(type.group(), type.plural(), name, "StorageError: invalid object, Code: 4, Key: "
                    + key + ", ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: "
                    + m.getUid() + ", UID in object meta: " + om.getUid());
        }
        m.setCreationTimestamp(om.getCreationTimestamp());
        m.setGeneration(om.getGeneration());
        m.setSelfLink(null);
        if (om.getDeletionTimestamp() != null) {
            m.setDeletionTimestamp(om.getDeletionTimestamp());
            if (m.getDeletionGracePeriodSeconds() == null) {
                m.setDeletionGracePeriodSeconds(om.getDeletionGracePeriodSeconds());
            } else if (!Objects.equals(m.getDeletionGracePeriodSeconds(), om.getDeletionGracePeriodSeconds())) {
                errors.add(FieldError.invalid("metadata.deletionGracePeriodSeconds", m.getDeletionGracePeriodSeconds(),
                        "field is immutable"));
            }
            List<String> added = new ArrayList<>(m.getFinalizers() == null ? List.of() : m.getFinalizers());
            added.removeAll(om.getFinalizers() == null ? List.of() : om.getFinalizers());
            if (!added.isEmpty()) {
                errors.add(FieldError.forbidden("metadata.finalizers",
                        "no new finalizers can be added if the object is being deleted, found new finalizers []string{"
                                + String.join(", ", added.stream().map(f -> "\"" + f + "\"").toList()) + "}"));
            }
        } else {
            if (m.getDeletionTimestamp() != null) {
                errors.add(FieldError.invalid("metadata.deletionTimestamp", m.getDeletionTimestamp(), "field is immutable"));
            }
            if (m.getDeletionGracePeriodSeconds() != null) {
                errors.add(FieldError.invalid("metadata.deletionGracePeriodSeconds", m.getDeletionGracePeriodSeconds(),
                        "field is immutable"));
            }
        }
        if (m.getManagedFields() == null || m.getManagedFields().isEmpty()) {
            m.setManagedFields(om.getManagedFields());
        }
        m.setOwnerReferences(dedupeOwners(m.getOwnerReferences()));
        return errors;
    }

    private static List<io.fabric8.kubernetes.api.model.OwnerReference> dedupeOwners(
            List<io.fabric8.kubernetes.api.model.OwnerReference> refs) {
        if (refs == null || refs.size() < 2) {
            return refs;
        }
        Map<String, io.fabric8.kubernetes.api.model.OwnerReference> byUid = new LinkedHashMap<>();
        for (var r : refs) {
            byUid.putIfAbsent(r.getUid() == null ? "" + byUid.size() : r.getUid(), r);
        }
        return new ArrayList<>(byUid.values());
    }
}
