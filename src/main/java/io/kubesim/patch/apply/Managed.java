package io.kubesim.patch.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A decoded managedFields list being worked on: field sets and times per manager identifier. Mutable and confined to
 * one operation; {@link #copy()} before trying something that may be abandoned.
 */
final class Managed {

    private final LinkedHashMap<ManagerId, VersionedSet> fields;
    private final Map<ManagerId, Instant> times;

    Managed() {
        this(new LinkedHashMap<>(), new HashMap<>());
    }

    private Managed(LinkedHashMap<ManagerId, VersionedSet> fields, Map<ManagerId, Instant> times) {
        this.fields = fields;
        this.times = times;
    }

    Managed copy() {
        return new Managed(new LinkedHashMap<>(fields), new HashMap<>(times));
    }

    Map<ManagerId, VersionedSet> fields() {
        return fields;
    }

    Map<ManagerId, Instant> times() {
        return times;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    VersionedSet get(ManagerId id) {
        return fields.get(id);
    }

    /** Sets {@code id}'s fields, dropping the entry when they are empty. */
    void put(ManagerId id, VersionedSet set) {
        if (set.set().isEmpty()) {
            fields.remove(id);
        } else {
            fields.put(id, set);
        }
    }

    void remove(ManagerId id) {
        fields.remove(id);
    }
}
